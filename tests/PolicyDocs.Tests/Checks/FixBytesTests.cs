using CsCheck;
using PolicyDocs.Checks;

namespace PolicyDocs.Tests.Checks;

/// <summary><c>check --fix</c> keeps every byte outside the inserted text.</summary>
public sealed class FixBytesTests
{
    [Fact]
    public void EveryOriginalByteSurvivesInOrderWhateverTheLineEndings()
    {
        var endings = Gen.OneOfConst("\n", "\r\n", "\r");
        Gen.Select(endings.Array[2, 8], Gen.Bool, Gen.Bool).Sample((ends, bom, lastEnded) =>
        {
            var bytes = new List<byte>();
            if (bom) bytes.AddRange([0xEF, 0xBB, 0xBF]);
            for (var i = 0; i < ends.Length; i++)
            {
                bytes.AddRange(System.Text.Encoding.ASCII.GetBytes(i == 0 ? "## 1.1 Heading" : $"line {i} "));
                bytes.Add(0xE9); // a Latin-1 byte in a UTF-8 file
                if (i < ends.Length - 1 || lastEnded) bytes.AddRange(System.Text.Encoding.ASCII.GetBytes(ends[i]));
            }
            var original = bytes.ToArray();
            var fixedBytes = NoStipulationFixer.Insert(original, [1]);
            // Removing the inserted text (after the heading's line) gives back the original bytes exactly.
            var headingEnd = (bom ? 3 : 0) + "## 1.1 Heading".Length + 1 + ends[0].Length;
            Assert.True(fixedBytes.AsSpan(0, headingEnd).SequenceEqual(original.AsSpan(0, headingEnd)));
            Assert.True(fixedBytes.AsSpan(fixedBytes.Length - (original.Length - headingEnd)).SequenceEqual(original.AsSpan(headingEnd)));
            var inserted = System.Text.Encoding.Latin1.GetString(fixedBytes, headingEnd, fixedBytes.Length - original.Length);
            Assert.Equal(ends[0] + "No stipulation." + ends[0] + ends[0], inserted);
        }, iter: 200);
    }
}

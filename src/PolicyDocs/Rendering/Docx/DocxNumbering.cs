using DocumentFormat.OpenXml.Wordprocessing;

namespace PolicyDocs.Rendering.Docx;

/// <summary>
/// Word list numbering for Markdown lists: one abstract definition per list kind (bullets, 1., a., A., i., I.),
/// and one numbering instance per Markdown list, so every list restarts at its own first number.
/// </summary>
internal sealed class DocxNumbering
{
    private static readonly (int Id, NumberFormatValues Format)[] Kinds =
    [
        (1, NumberFormatValues.Bullet), (2, NumberFormatValues.Decimal), (3, NumberFormatValues.LowerLetter),
        (4, NumberFormatValues.UpperLetter), (5, NumberFormatValues.LowerRoman), (6, NumberFormatValues.UpperRoman),
    ];

    private static readonly string[] Bullets = ["\u2022", "\u25E6", "\u25AA"];

    private readonly List<NumberingInstance> _instances = [];

    /// <summary>Left indent of list level <paramref name="level"/> in twips.</summary>
    public static int Indent(int level) => 360 * (level + 2);

    /// <summary>Creates the numbering instance of one list and returns its id.</summary>
    public int NewList(char bulletType, bool ordered, int start, int level)
    {
        var abstractId = !ordered ? 1 : bulletType switch { 'a' => 3, 'A' => 4, 'i' => 5, 'I' => 6, _ => 2 };
        var numId = _instances.Count + 1;
        var instance = new NumberingInstance(new AbstractNumId { Val = abstractId }) { NumberID = numId };
        if (ordered)
            instance.Append(new LevelOverride(new StartOverrideNumberingValue { Val = start }) { LevelIndex = level });
        _instances.Add(instance);
        return numId;
    }

    /// <summary>The list kind (abstract definition) of numbering instance <paramref name="numId"/>; null when there is none.</summary>
    public int? KindOf(int numId) => numId >= 1 && numId <= _instances.Count ? _instances[numId - 1].AbstractNumId?.Val?.Value : null;

    /// <summary>The numbering part's content.</summary>
    public Numbering Build()
    {
        var numbering = new Numbering();
        foreach (var (id, format) in Kinds)
        {
            var abstractNum = new AbstractNum(new MultiLevelType { Val = MultiLevelValues.HybridMultilevel }) { AbstractNumberId = id };
            for (var level = 0; level < 9; level++)
            {
                var text = format == NumberFormatValues.Bullet ? Bullets[level % Bullets.Length] : $"%{level + 1}.";
                abstractNum.Append(new Level(
                    new StartNumberingValue { Val = 1 },
                    new NumberingFormat { Val = format },
                    new LevelText { Val = text },
                    new LevelJustification { Val = LevelJustificationValues.Left },
                    new PreviousParagraphProperties(new Indentation { Left = Indent(level).ToString(System.Globalization.CultureInfo.InvariantCulture), Hanging = "360" }))
                { LevelIndex = level });
            }
            numbering.Append(abstractNum);
        }
        foreach (var instance in _instances) numbering.Append(instance);
        return numbering;
    }
}

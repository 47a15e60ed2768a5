namespace PolicyDocs.Outline;

/// <summary>Helpers for dotted section numbers ("4.9.1").</summary>
internal static class SectionNumber
{
    /// <summary>Number of components: "4.9.1" has depth 3.</summary>
    public static int Depth(string number) => number.AsSpan().Count('.') + 1;

    /// <summary>"4.9.1" → "4.9"; "4" → null.</summary>
    public static string? Parent(string number)
    {
        var i = number.LastIndexOf('.');
        return i < 0 ? null : number[..i];
    }

    /// <summary>Depth of an appendix number: 1 for "A", 2 for "A.1" or "D-1", 3 for "A.1.1".</summary>
    public static int AppendixDepth(string number) => number.AsSpan().Count('.') + number.AsSpan().Count('-') + 1;

    /// <summary>The appendix or appendix section holding an appendix section: "A.1.1" → "A.1", "D-1" → "D"; "A" → null.</summary>
    public static string? AppendixParent(string number)
    {
        var i = number.AsSpan().LastIndexOfAny('.', '-');
        return i < 0 ? null : number[..i];
    }

    /// <summary>Compares dotted numbers component-wise as integers ("4.10" after "4.9").</summary>
    public static int Compare(string a, string b)
    {
        var pa = a.Split('.');
        var pb = b.Split('.');
        for (var i = 0; i < Math.Min(pa.Length, pb.Length); i++)
        {
            var c = int.TryParse(pa[i], out var x) && int.TryParse(pb[i], out var y)
                ? x.CompareTo(y)
                : string.CompareOrdinal(pa[i], pb[i]);
            if (c != 0) return c;
        }
        return pa.Length.CompareTo(pb.Length);
    }

    /// <summary>Word bookmark name for a section: "4.9.1" → "_S4_9_1" (at most 40 characters).</summary>
    public static string Bookmark(string number)
    {
        var name = "_S" + number.Replace('.', '_');
        return name.Length <= 40 ? name : name[..40];
    }

    /// <summary>HTML anchor id for a section: "4.9.1" → "section-4.9.1".</summary>
    public static string Anchor(string number) => "section-" + number;
}

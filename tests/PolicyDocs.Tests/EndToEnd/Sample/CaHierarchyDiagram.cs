namespace PolicyDocs.Tests.EndToEnd.Sample;

/// <summary>
/// Draws the sample CPS's CA hierarchy diagram (content/documents/cps/images/ca-hierarchy.png): the offline root CA
/// above the online issuing CA it certifies, as in content/data/cas.yaml. Plain code with a 5×7 bitmap font, so the
/// picture is reproducible without any drawing program.
/// </summary>
public static class CaHierarchyDiagram
{
    private const int Width = 340;
    private const int Height = 200;
    private const int Scale = 2;
    private const byte White = 0, Ink = 1, Fill = 2, Line = 3;

    private static readonly (byte, byte, byte)[] Palette = [(255, 255, 255), (26, 26, 46), (234, 240, 248), (43, 87, 151)];

    /// <summary>The PNG bytes.</summary>
    public static byte[] Png()
    {
        var px = new byte[Width * Height];
        Box(px, 20, 16, 300, 60, "Northwind Root CA 2026", "offline, ECDSA P-384");
        Box(px, 20, 124, 300, 60, "Northwind Issuing CA 1", "online, ECDSA P-256");
        // The arrow: the root signs the issuing CA's certificate.
        Rect(px, 169, 76, 2, 40, Line);
        for (var j = 0; j < 8; j++) Rect(px, 170 - (8 - j), 116 + j, 2 * (8 - j), 1, Line);
        Text(px, 182, 93, "signs", Ink);
        return Support.PngWriter.Indexed(Width, Height, px, Palette);
    }

    private static void Box(byte[] px, int x, int y, int w, int h, string title, string detail)
    {
        Rect(px, x, y, w, h, Line);
        Rect(px, x + 2, y + 2, w - 4, h - 4, Fill);
        Text(px, x + (w - TextWidth(title)) / 2, y + 10, title, Ink);
        Text(px, x + (w - TextWidth(detail)) / 2, y + 34, detail, Ink);
    }

    private static int TextWidth(string s) => (s.Length * 6 - 1) * Scale;

    private static void Rect(byte[] px, int x, int y, int w, int h, byte colour)
    {
        for (var j = Math.Max(0, y); j < Math.Min(Height, y + h); j++)
            for (var i = Math.Max(0, x); i < Math.Min(Width, x + w); i++)
                px[j * Width + i] = colour;
    }

    private static void Text(byte[] px, int x, int y, string s, byte colour)
    {
        foreach (var ch in s)
        {
            var rows = Font[ch];
            for (var r = 0; r < 7; r++)
                for (var c = 0; c < 5; c++)
                    if (rows[r][c] == '#') Rect(px, x + c * Scale, y + r * Scale, Scale, Scale, colour);
            x += 6 * Scale;
        }
    }

    private static readonly Dictionary<char, string[]> Font = new()
    {
        [' '] = [".....", ".....", ".....", ".....", ".....", ".....", "....."],
        [','] = [".....", ".....", ".....", ".....", ".....", "..#..", ".#..."],
        ['-'] = [".....", ".....", ".....", "#####", ".....", ".....", "....."],
        ['0'] = [".###.", "#...#", "#..##", "#.#.#", "##..#", "#...#", ".###."],
        ['1'] = ["..#..", ".##..", "..#..", "..#..", "..#..", "..#..", ".###."],
        ['2'] = [".###.", "#...#", "....#", "...#.", "..#..", ".#...", "#####"],
        ['3'] = ["#####", "...#.", "..#..", "...#.", "....#", "#...#", ".###."],
        ['4'] = ["...#.", "..##.", ".#.#.", "#..#.", "#####", "...#.", "...#."],
        ['5'] = ["#####", "#....", "####.", "....#", "....#", "#...#", ".###."],
        ['6'] = ["..##.", ".#...", "#....", "####.", "#...#", "#...#", ".###."],
        ['8'] = [".###.", "#...#", "#...#", ".###.", "#...#", "#...#", ".###."],
        ['A'] = [".###.", "#...#", "#...#", "#####", "#...#", "#...#", "#...#"],
        ['C'] = [".###.", "#...#", "#....", "#....", "#....", "#...#", ".###."],
        ['D'] = ["####.", "#...#", "#...#", "#...#", "#...#", "#...#", "####."],
        ['E'] = ["#####", "#....", "#....", "####.", "#....", "#....", "#####"],
        ['I'] = [".###.", "..#..", "..#..", "..#..", "..#..", "..#..", ".###."],
        ['N'] = ["#...#", "##..#", "#.#.#", "#..##", "#...#", "#...#", "#...#"],
        ['P'] = ["####.", "#...#", "#...#", "####.", "#....", "#....", "#...."],
        ['R'] = ["####.", "#...#", "#...#", "####.", "#.#..", "#..#.", "#...#"],
        ['S'] = [".####", "#....", "#....", ".###.", "....#", "....#", "####."],
        ['d'] = ["....#", "....#", ".##.#", "#..##", "#...#", "#...#", ".####"],
        ['e'] = [".....", ".....", ".###.", "#...#", "#####", "#....", ".###."],
        ['f'] = ["..##.", ".#..#", ".#...", "###..", ".#...", ".#...", ".#..."],
        ['g'] = [".....", ".....", ".####", "#...#", ".####", "....#", ".###."],
        ['h'] = ["#....", "#....", "#.##.", "##..#", "#...#", "#...#", "#...#"],
        ['i'] = ["..#..", ".....", ".##..", "..#..", "..#..", "..#..", ".###."],
        ['l'] = [".##..", "..#..", "..#..", "..#..", "..#..", "..#..", ".###."],
        ['n'] = [".....", ".....", "#.##.", "##..#", "#...#", "#...#", "#...#"],
        ['o'] = [".....", ".....", ".###.", "#...#", "#...#", "#...#", ".###."],
        ['r'] = [".....", ".....", "#.##.", "##..#", "#....", "#....", "#...."],
        ['s'] = [".....", ".....", ".####", "#....", ".###.", "....#", "####."],
        ['t'] = [".#...", ".#...", "###..", ".#...", ".#...", ".#..#", "..##."],
        ['u'] = [".....", ".....", "#...#", "#...#", "#...#", "#..##", ".##.#"],
        ['w'] = [".....", ".....", "#...#", "#...#", "#.#.#", "#.#.#", ".#.#."],
    };
}

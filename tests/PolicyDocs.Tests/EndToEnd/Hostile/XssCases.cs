using static PolicyDocs.Tests.EndToEnd.Hostile.Corpus;

namespace PolicyDocs.Tests.EndToEnd.Hostile;

/// <summary>
/// Stored cross-site scripting: markup and script URLs in every data value the pages print (which must show as
/// literal text) and in prose (which the sanitiser must disarm). The runner scans every published page.
/// </summary>
internal static class XssCases
{
    private static HostileCase Shown(string name, Action<CaseFolder> arrange, string payload) =>
        Build(name, arrange, Ok) with { Shows = payload };

    public static IEnumerable<HostileCase> All()
    {
        foreach (var payload in new[] { Img, Break })
        {
            var tag = payload == Img ? "img" : "script";
            yield return Shown($"xss ({tag}): policy set name", f => f.Write("policyset.yaml", PolicySet(name: "PKI " + payload)), payload);
            yield return Shown($"xss ({tag}): publisher name", f => f.Write("policyset.yaml", PolicySet(publisher: "PA " + payload)), payload);
            yield return Shown($"xss ({tag}): publisher address", f => f.Write("policyset.yaml", PolicySet(address: "1 Road " + payload)).Prose("Write to {{ policyset.publisher.address }}."), payload);
            yield return Shown($"xss ({tag}): licence", f => f.Write("policyset.yaml", PolicySet(licence: "CC " + payload)), payload);
            yield return Shown($"xss ({tag}): CA name", f => f.Write("data/cas.yaml", Cas(rootName: "Root " + payload)), payload);
            yield return Shown($"xss ({tag}): CA subject", f => f.Write("data/cas.yaml", Cas(subject: "CN=" + payload)), payload);
            yield return Shown($"xss ({tag}): CA description", f => f.Write("data/cas.yaml", Cas(description: "About " + payload)).Prose("{{ cas.root.description }}"), payload);
            yield return Shown($"xss ({tag}): glossary term", f => f.Write("data/glossary.yaml", $"- term: {Q("Term " + payload)}\n  definition: A term.\n"), payload);
            yield return Shown($"xss ({tag}): glossary definition", f => f.Write("data/glossary.yaml", $"- term: Term\n  definition: {Q("Means " + payload)}\n"), payload);
            yield return Shown($"xss ({tag}): document title", f => f.Write(Doc + "/document.yaml", Document(title: "CPS " + payload)), payload);
            yield return Shown($"xss ({tag}): short title", f => f.Write(Doc + "/document.yaml", Document(shortTitle: "CPS " + payload)), payload);
            yield return Shown($"xss ({tag}): revision summary", f => f.Write(Doc + "/document.yaml", Document(summary: "Draft " + payload)), payload);
            yield return Shown($"xss ({tag}): role name", f => f.Replace("data/roles.yaml", "name: CA Administrator", "name: " + Q("Admin " + payload)), payload);
            yield return Shown($"xss ({tag}): role duty", f => f.Replace("data/roles.yaml", "[Install and configure the CA software]", "[" + Q("Duty " + payload) + "]"), payload);
            yield return Shown($"xss ({tag}): task name", f => f.Replace("data/tasks.yaml", "name: CA key generation", "name: " + Q("Task " + payload)), payload);
        }
        yield return Shown("xss: Markdown link in a glossary definition stays text", f => f.Write("data/glossary.yaml", $"- term: Term\n  definition: {Q("See " + JsLink)}\n"), JsLink);
        yield return Shown("xss: Markdown emphasis and pipes in a CA name stay text", f => f.Write("data/cas.yaml", Cas(rootName: "Root *A* | B & C_d_")), "Root *A* | B & C_d_");
        yield return Build("xss: a version that walks out of the downloads folder", f => f.Write(Doc + "/document.yaml", Document(version: "../../../elsewhere/pwned")), Any);
        yield return Build("xss: a version with markup", f => f.Write(Doc + "/document.yaml", Document(version: "1<img src=x onerror=alert(1)>")), Any);
        yield return Build("xss: publisher email breaking out of the mailto", f => f.Write("policyset.yaml", PolicySet(email: "a@b.example\" onmouseover=\"alert(1)")), Any);
        yield return Build("xss: publisher email as a script URL", f => f.Write("policyset.yaml", PolicySet(email: "javascript:alert(1)")), Any);
        yield return Build("xss: publisher url javascript:", f => f.Write("policyset.yaml", PolicySet(url: "javascript:alert(1)")), Any);
        yield return Build("xss: publisher url with spaces and case", f => f.Write("policyset.yaml", PolicySet(url: "  JaVaScRiPt:alert(1)")), Any);
        yield return Build("xss: publisher url data:", f => f.Write("policyset.yaml", PolicySet(url: "data:text/html,<script>alert(1)</script>")), Any);
        yield return Build("xss: problem reports javascript:", f => f.Write("policyset.yaml", PolicySet(reports: "javascript:alert(1)")), Any);
        yield return Build("xss: problem reports vbscript:", f => f.Write("policyset.yaml", PolicySet(reports: "vbscript:msgbox(1)")), Any);
        foreach (var (name, prose) in Prose())
            yield return Build("xss: prose " + name, f => f.Prose(prose), Any);
    }

    /// <summary>Raw HTML and links in prose that a browser would run.</summary>
    public static IEnumerable<(string Name, string Prose)> Prose()
    {
        yield return ("script element", "Text <script>alert(1)</script> more.");
        yield return ("script block", "<script>\nalert(1)\n</script>");
        yield return ("img onerror", "Text " + Img + " more.");
        yield return ("img onerror block", "<img src=x onerror=alert(1)>");
        yield return ("svg onload", "<svg onload=alert(1)><circle r=1 /></svg>");
        yield return ("iframe", "<iframe src=\"https://evil.example/\"></iframe>");
        yield return ("style with a script URL", "<style>body{background:url(javascript:alert(1))}</style>");
        yield return ("object", "<object data=\"evil.swf\"></object>");
        yield return ("embed", "<embed src=\"evil.swf\">");
        yield return ("meta refresh", "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">");
        yield return ("form with a script action", "<form action=\"javascript:alert(1)\"><button>Go</button></form>");
        yield return ("base element", "<base href=\"https://evil.example/\">");
        yield return ("MathML link", "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>");
        yield return ("anchor with an entity-encoded scheme", "<a href=\"jav&#x61;script:alert(1)\">x</a>");
        yield return ("anchor with &colon;", "<a href=\"javascript&colon;alert(1)\">x</a>");
        yield return ("anchor onclick", "<a href=\"https://example.invalid/\" onclick=\"alert(1)\">x</a>");
        yield return ("details ontoggle", "<details open ontoggle=alert(1)><summary>x</summary></details>");
        yield return ("input onfocus", "<input autofocus onfocus=alert(1)>");
        yield return ("style attribute URL", "<p style=\"background:url(javascript:alert(1))\">x</p>");
        yield return ("noscript mutation", "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>");
        yield return ("comment confusion", "<!--><img src=x onerror=alert(1)>-->");
        yield return ("split script tag", "<scr<script>ipt>alert(1)</script>");
        yield return ("link javascript:", "Read " + JsLink + ".");
        yield return ("link JAVASCRIPT:", "Read [x](JAVASCRIPT:alert(1)).");
        yield return ("link with an entity in the scheme", "Read [x](&#x6A;avascript:alert(1)).");
        yield return ("link with an encoded colon", "Read [x](javascript&#58;alert(1)).");
        yield return ("link data:", "Read [x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==).");
        yield return ("link vbscript:", "Read [x](vbscript:msgbox(1)).");
        yield return ("link with a tab in the scheme", "Read [x](<java\tscript:alert(1)>).");
        yield return ("autolink javascript:", "Read <javascript:alert(1)>.");
        yield return ("reference definition javascript:", "Read [x][evil].\n\n[evil]: javascript:alert(1)");
        yield return ("image javascript:", "![x](javascript:alert(1))");
        yield return ("image data: SVG", "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)");
        yield return ("link title breaking out", "[x](https://example.invalid/ \"\\\" onmouseover=\\\"alert(1)\")");
        yield return ("generic attribute onclick on a paragraph", "A paragraph.\n{onclick=\"alert(1)\"}");
        yield return ("generic attribute on a link", "[x](https://example.invalid/){onmouseover=\"alert(1)\" style=\"x\"}");
        yield return ("generic attribute href", "[x](https://example.invalid/){href=\"javascript:alert(1)\"}");
        yield return ("generic attribute on emphasis", "*x*{onclick=alert(1)}");
        yield return ("footnote label with markup", "Text[^a].\n\n[^a]: " + Img);
        yield return ("table cell script", "| a | b |\n|---|---|\n| <script>alert(1)</script> | " + Img + " |");
        yield return ("cross-reference with markup", "See [[term:" + Img + "]].");
        yield return ("HTML entity-encoded markup stays text", "&lt;script&gt;alert(1)&lt;/script&gt;");
        yield return ("xref link with a script target", "[x](xref:javascript:alert(1))");
        yield return ("allowed formatting with a hidden handler", "E = mc<sup onclick=\"alert(1)\">2</sup> and H<sub>2</sub>O<br onmouseover=alert(1)>");
    }
}

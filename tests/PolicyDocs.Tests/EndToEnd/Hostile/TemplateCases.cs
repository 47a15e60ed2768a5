using static PolicyDocs.Tests.EndToEnd.Hostile.Corpus;

namespace PolicyDocs.Tests.EndToEnd.Hostile;

/// <summary>Hostile templates: clock and randomness, writes to shared data, runaway work, includes that try to leave.</summary>
internal static class TemplateCases
{
    public static IEnumerable<HostileCase> All()
    {
        const int line = CaseFolder.ProseLine;
        yield return Check("template: math.random", f => f.Prose("Lucky {{ math.random 1 100 }}."), Findings) with { Code = "PD0032", Line = line };
        yield return Check("template: date.now", f => f.Prose("Built {{ date.now }}."), Findings) with { Code = "PD0032", Line = line };
        yield return Check("template: date.now through a pipe", f => f.Prose("Built {{ date.now | date.to_string '%Y' }}."), Findings) with { Line = line };
        yield return Check("template: assigning to shared data", f => f.Prose("{{ cas.root.name = \"Changed\" }}"), Findings) with { Line = line };
        yield return Check("template: assigning to the policy set", f => f.Prose("{{ policyset.publisher.name = \"Changed\" }}"), Findings) with { Line = line };
        yield return Check("template: adding to a shared list", f => f.Prose("{{ cas_list | array.add 1 }}{{ array.add cas_list 1 }}{{ cas_list[0].name = 'x' }}"), Findings) with { Line = line };
        yield return Check("template: catastrophic regex backtracking", f => f.Prose("{{ regex.match \"" + Repeat("a", 40) + "b\" \"^(a+)+$\" }}"), Findings) with { Line = line };
        yield return Check("template: catastrophic regex in replace", f => f.Prose("{{ \"" + Repeat("a", 40) + "!\" | regex.replace \"(a|aa)+$\" \"x\" }}"), Findings) with { Line = line };
        yield return Check("template: a loop of 100 million", f => f.Prose("{{ for i in 1..100000000 }}x{{ end }}"), Findings) with { Line = line };
        yield return Check("template: nested loops of 10^8 steps", f => f.Prose("{{ for i in 1..10000 }}{{ for j in 1..10000 }}{{ end }}{{ end }}"), Findings) with { Line = line };
        yield return Check("template: while true", f => f.Prose("{{ while true }}{{ end }}"), Findings) with { Line = line };
        yield return Check("template: unbounded recursion", f => f.Prose("{{ func f; ret f; end; f }}"), Findings) with { Line = line };
        yield return Check("template: doubling a string 40 times", f => f.Prose("{{ x = \"ab\"; for i in 1..40; x = x + x; end; x | string.size }}"), Findings) with { Line = line };
        yield return Check("template: padding to 2 GB", f => f.Prose("{{ \"x\" | string.pad_left 1000000000 }}"), Findings) with { Line = line };
        yield return Build("template: a 2 MB string is published whole", f => f.Prose("{{ for i in 1..2000 }}" + new string('y', 1000) + "{{ end }}END-OF-THE-REPEAT"), Ok)
            with { Shows = new string('y', 2_000_000) + "END-OF-THE-REPEAT" };
        yield return Check("template: division by zero", f => f.Prose("{{ 1 / 0 }}"), Any);
        yield return Check("template: syntax error", f => f.Prose("Text\n\n{{ if }}"), Findings) with { Code = "PD0011" };
        yield return Check("template: undefined variable", f => f.Prose("{{ nothing_here }}"), Findings) with { Code = "PD0011", Line = line };
        yield return Check("template: the environment", f => f.Prose("{{ environment }}{{ env.HOME }}"), Findings) with { Line = line };
        yield return Check("template: include with ..", f => f.Prose("{{ include \"../../../../etc/passwd\" }}"), Findings) with { Code = "PD0011", Line = line };
        yield return Check("template: include of an absolute path", f => f.Prose("{{ include \"/etc/passwd\" }}"), Findings) with { Code = "PD0011", Line = line };
        yield return Check("template: include with a backslash", f => f.Prose("{{ include \"..\\\\..\\\\etc\\\\passwd\" }}"), Findings) with { Code = "PD0011", Line = line };
        yield return Build("template: include of a link to /etc/passwd", f => f.Link("templates/markdown/leak.sbn", "/etc/passwd").Prose("{{ include \"leak\" }}"), Findings);
        yield return Build("template: include of a link out of the tree", f => f.Link("templates/markdown/leak.sbn", f.Outside).Prose("{{ include \"leak\" }}"), Findings);
        yield return Build("template: include of a FIFO", f => f.Fifo("templates/markdown/pipe.sbn").Prose("{{ include \"pipe\" }}"), Findings);
        yield return Build("template: include of a link to /dev/urandom", f => f.Link("templates/markdown/rand.sbn", "/dev/urandom").Prose("{{ include \"rand\" }}"), Findings);
        yield return Check("template: include of itself", f => f.Write("templates/markdown/loop.sbn", "{{ include \"loop\" }}").Prose("{{ include \"loop\" }}"), Findings);
        yield return Check("template: include of invalid UTF-8", f => f.WriteBytes("templates/markdown/bad.sbn", BadUtf8("a", "b")).Prose("{{ include \"bad\" }}"), Findings);
        yield return Check("template: a block included 10,000 times", f => f.Prose("{{ for i in 1..10000 }}{{ include \"ca-list\" }}{{ end }}"), Any);
        yield return Build("template: a script in a template string", f => f.Prose("{{ \"<script>alert(1)</script>\" }} and {{ '<img src=x onerror=alert(1)>' }}"), Any);
        yield return Build("template: html.escape still works", f => f.Prose("By {{ policyset.publisher.name | html.escape }}."), Ok) with { Shows = "By Hostile Test PKI Policy Authority." };
        yield return Check("template: object.eval of text", f => f.Prose("{{ object.eval \"1 + 1\" }}{{ object.eval_template \"{{ date.now }}\" }}"), Any);
        yield return Check("template: import of the built-ins", f => f.Prose("{{ import math }}{{ random 1 2 }}"), Findings);
        yield return Check("template: a 100-deep include chain", f =>
        {
            for (var i = 0; i < 100; i++) f.Write($"templates/markdown/c{i}.sbn", i == 99 ? "end" : $"{{{{ include \"c{i + 1}\" }}}}");
            f.Prose("{{ include \"c0\" }}");
        }, Any);
        yield return Check("template: capturing a huge string", f => f.Prose("{{ capture s }}{{ for i in 1..10000 }}" + Repeat("z", 1000) + "{{ end }}{{ end }}{{ s | string.size }}"), Any);
        yield return Check("template: regex with a huge repetition count", f => f.Prose("{{ regex.match \"a\" \"a{1,2147483647}{1,2147483647}\" }}"), Any);
    }
}

using System.CommandLine;
using PolicyDocs.Loading;
using PolicyDocs.Matrix;
using PolicyDocs.Compiling;

namespace PolicyDocs.Cli.Commands;

/// <summary><c>policydocs matrix</c>: the recommendations-by-impact-level matrix and coverage per CA.</summary>
internal static class MatrixCommand
{
    public static Command Create(CliConsole console)
    {
        var content = CommonOptions.Content();
        var format = CommonOptions.Format("text", "csv", "json");
        var ca = new Option<string?>("--ca") { Description = "Show only the recommendations that apply to this CA (a data/cas.yaml id)." };
        var command = new Command("matrix", "Show which recommendations apply at each impact level and where each CA's documents address them; exit 1 when a CA has gaps.")
        {
            content, format, ca,
        };
        command.SetAction(parse =>
        {
            if (!console.TryCompile(parse.GetValue(content)!, false, out var compilation, out var published)) return CliApp.Usage;
            var matrix = published.Matrix;
            var caId = parse.GetValue(ca);
            if (caId is not null && !matrix.Cas.Any(c => c.Id == caId))
            {
                console.Error.WriteLine($"policydocs: there is no CA '{caId}' in data/cas.yaml{Suggest.Hint(caId, matrix.Cas.Select(c => c.Id))}.");
                return CliApp.Usage;
            }
            console.Out.Write(parse.GetValue(format) switch
            {
                "csv" => MatrixReport.Csv(matrix, caId),
                "json" => MatrixReport.Json(matrix, caId),
                _ => MatrixReport.Text(matrix, caId),
            });
            var gaps = matrix.Rows.Sum(r => r.Cells.Count(c => c.State == CoverageState.Gap && (caId is null || c.CaId == caId)));
            console.Error.WriteLine($"matrix: {matrix.Rows.Count()} recommendations, {gaps} gap{(gaps == 1 ? "" : "s")}; {CliConsole.Counts(compilation)} (run 'policydocs check' for details).");
            return gaps > 0 ? CliApp.Findings : CliApp.Ok;
        });
        return command;
    }
}

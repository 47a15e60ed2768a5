using PolicyDocs.Compiling;
using PolicyDocs.Model;
using PolicyDocs.Versions;

namespace PolicyDocs.Pipeline;

/// <summary>One named stage of <see cref="BuildPipeline"/>: what it reads and what it produces.</summary>
/// <param name="Name">The stage's name, as progress messages show it.</param>
/// <param name="Consumes">What the stage reads.</param>
/// <param name="Produces">What it hands to the next stage.</param>
public sealed record BuildStage(string Name, string Consumes, string Produces)
{
    /// <inheritdoc />
    public override string ToString() => Name;
}

/// <summary>Hears a <see cref="BuildPipeline"/> run's stages start and finish, e.g. to show progress and report findings as they come.</summary>
public interface IBuildProgress
{
    /// <summary><paramref name="stage"/> starts.</summary>
    void Started(BuildStage stage);

    /// <summary><paramref name="stage"/> finished with <paramref name="diagnostics"/> (all of its findings, sorted).</summary>
    void Finished(BuildStage stage, IReadOnlyList<Diagnostic> diagnostics);
}

/// <summary>What a run of <see cref="BuildPipeline"/> does.</summary>
/// <param name="Strict">Title variants are errors and any warning fails the build.</param>
/// <param name="History">Publish the superseded versions and their changes (releases.tags in policyset.yaml).</param>
/// <param name="WordDownloads">Render the Word documents and redlines (the live preview does without).</param>
public sealed record BuildOptions(bool Strict = false, bool History = true, bool WordDownloads = true)
{
    /// <summary>The options of <c>serve</c>: no history, no Word files; the page refreshes faster without them.</summary>
    public static BuildOptions Preview { get; } = new(History: false, WordDownloads: false);
}

/// <summary>Where a run of <see cref="BuildPipeline"/> stopped and what each stage reported.</summary>
/// <param name="Compilation">The compile's result (its diagnostics, and the publication when it succeeded).</param>
/// <param name="ReleaseDiagnostics">Findings of the release history (changelog rules, unreadable releases).</param>
/// <param name="Site">The rendered and link-checked site; null when an earlier stage failed.</param>
/// <param name="FailedAt">The stage that failed, or null when the site may be published.</param>
public sealed record BuildResult(Compilation Compilation, IReadOnlyList<Diagnostic> ReleaseDiagnostics, SiteBuild? Site, BuildStage? FailedAt)
{
    /// <summary>True when every stage passed and <see cref="Site"/> may be written.</summary>
    public bool Succeeded => FailedAt is null && Site is not null;
}

/// <summary>
/// The build as named stages, the one orchestration <c>build</c> and <c>serve</c> run with their options:
/// <see cref="Compile"/> → <see cref="Releases"/> → <see cref="Render"/>. Each stage runs only when the ones
/// before it passed; a failed stage names itself in the result. Writing the files is the caller's (the CLI's
/// output guard decides where they may go).
/// </summary>
public static class BuildPipeline
{
    /// <summary>Load → Bind → Resolve → Check → Publish.</summary>
    public static readonly BuildStage Compile = new("compile", "the content folder or single Markdown file",
        "the compilation: diagnostics and, without errors, the publication every output renders from");

    /// <summary>The tagged releases, compiled from git, and the changes between them.</summary>
    public static readonly BuildStage Releases = new("releases", "the compilation and the git tags matching releases.tags",
        "the superseded versions, the changes between versions and the changelog findings");

    /// <summary>Every output and the check of the site's internal links.</summary>
    public static readonly BuildStage Render = new("render", "the publication and the release history",
        "the site, the downloads and SHA256SUMS, with the link check's findings");

    /// <summary>The stages in the order they run.</summary>
    public static IReadOnlyList<BuildStage> Stages { get; } = [Compile, Releases, Render];

    /// <summary>Runs the stages on <paramref name="contentPath"/>; <paramref name="progress"/> hears each stage start and finish.</summary>
    public static BuildResult Run(string contentPath, BuildOptions options, IBuildProgress? progress = null)
    {
        progress?.Started(Compile);
        var compilation = PolicyCompiler.Compile(contentPath, new CompileOptions(options.Strict));
        progress?.Finished(Compile, compilation.Diagnostics);
        if (compilation.Published is not { } published || compilation.ErrorCount > 0 || (options.Strict && compilation.WarningCount > 0))
            return new BuildResult(compilation, [], null, Compile);

        var history = SiteHistory.Empty;
        IReadOnlyList<Diagnostic> releaseDiagnostics = [];
        if (options.History)
        {
            progress?.Started(Releases);
            var diagnostics = new DiagnosticBag();
            var releases = ReleaseHistory.Load(published, contentPath, diagnostics);
            history = SiteHistory.From(releases);
            releaseDiagnostics = [.. diagnostics.ToSortedList().Concat(history.Diagnostics)];
            progress?.Finished(Releases, releaseDiagnostics);
            if (releaseDiagnostics.Any(d => d.Severity == Severity.Error || options.Strict))
                return new BuildResult(compilation, releaseDiagnostics, null, Releases);
        }

        progress?.Started(Render);
        var site = SiteBuilder.Build(published, history, options.WordDownloads);
        progress?.Finished(Render, site.Diagnostics);
        return new BuildResult(compilation, releaseDiagnostics, site, site.HasErrors ? Render : null);
    }
}

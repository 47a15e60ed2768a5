using System.Diagnostics;

namespace PolicyDocs.Tests.Support;

/// <summary>Runs external programs (git, pandoc, soffice, pdftotext) that some tests drive.</summary>
public static class Tool
{
    /// <summary>The full path of <paramref name="name"/> on PATH, or null when it is not installed.</summary>
    public static string? OnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists);

    /// <summary>How long an ordinary tool run may take (a LibreOffice conversion on a cold, loaded 2-core machine).</summary>
    public static readonly TimeSpan DefaultWait = TimeSpan.FromMinutes(5);

    /// <summary>Runs <paramref name="file"/> with <paramref name="args"/> (in <paramref name="workingDirectory"/> when given) and waits
    /// up to <paramref name="wait"/> (<see cref="DefaultWait"/> unless given); returns the exit code and what it printed.
    /// A run that outlasts the wait is killed with its children and fails with a message saying so.</summary>
    public static (int Code, string Out, string Err) Run(string file, IEnumerable<string> args, string? workingDirectory = null, TimeSpan? wait = null)
    {
        var limit = wait ?? DefaultWait;
        var psi = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        if (workingDirectory is not null) psi.WorkingDirectory = workingDirectory;
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi) ?? throw new InvalidOperationException($"{file} did not start");
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(limit))
        {
            p.Kill(entireProcessTree: true);
            p.WaitForExit(TimeSpan.FromMinutes(1));
            throw new TimeoutException($"{Path.GetFileName(file)} {string.Join(' ', psi.ArgumentList)} did not finish within {limit.TotalMinutes:0.#} minutes and was killed.");
        }
        p.WaitForExit(); // lets the redirected streams finish
        return (p.ExitCode, stdout.Result, stderr.Result);
    }
}

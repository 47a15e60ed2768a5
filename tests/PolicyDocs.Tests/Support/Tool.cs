using System.Diagnostics;

namespace PolicyDocs.Tests.Support;

/// <summary>Runs external programs (git, pandoc, soffice, pdftotext) that some tests drive.</summary>
public static class Tool
{
    /// <summary>The full path of <paramref name="name"/> on PATH, or null when it is not installed.</summary>
    public static string? OnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists);

    /// <summary>Runs <paramref name="file"/> with <paramref name="args"/> (in <paramref name="workingDirectory"/> when given) and waits
    /// up to three minutes; returns the exit code and what it printed.</summary>
    public static (int Code, string Out, string Err) Run(string file, IEnumerable<string> args, string? workingDirectory = null)
    {
        var psi = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        if (workingDirectory is not null) psi.WorkingDirectory = workingDirectory;
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = p.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        p.WaitForExit(TimeSpan.FromMinutes(3));
        return (p.ExitCode, stdout.Result, stderr.Result);
    }
}

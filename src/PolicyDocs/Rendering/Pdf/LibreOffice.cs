using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace PolicyDocs.Rendering.Pdf;

/// <summary>
/// The system's LibreOffice (<c>soffice</c>), run headless to print Word files as PDF. <c>--convert-to pdf</c> alone
/// keeps the contents as the Word file caches it, so each conversion runs a Basic macro instead (LibreOffice without
/// Python): it opens the file hidden, updates every index from the real layout (the contents get their page numbers;
/// change recording is off, so a redline does not record the refresh as a change), and exports the PDF with its
/// bookmarks (also as named destinations) and internal links; links to files stay relative (a link to another
/// document's Word file leads to the file beside the PDF, not to the folder the conversion ran in). Each worker has its own private profile holding the macro, so conversions never
/// meet the user's LibreOffice or each other.
/// </summary>
internal sealed class LibreOffice
{
    /// <summary>The program names looked for on PATH, in order.</summary>
    public static readonly string[] ProgramNames = ["soffice", "libreoffice"];

    private LibreOffice(string program) => Program = program;

    /// <summary>The full path of the program.</summary>
    public string Program { get; }

    /// <summary>The LibreOffice on <paramref name="searchPath"/> (PATH when null), or null when it is not installed.</summary>
    public static LibreOffice? Find(string? searchPath = null)
    {
        var dirs = (searchPath ?? Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        foreach (var name in ProgramNames)
            foreach (var dir in dirs)
            {
                var candidate = Path.Combine(dir, name);
                if (File.Exists(candidate)) return new LibreOffice(candidate);
            }
        return null;
    }

    /// <summary>How long one conversion may take: a minute to start and lay out, and a second more per 2 KB of Word
    /// file (a 350 KB document gets about four minutes, well beyond what a loaded two-core machine needs).</summary>
    public static TimeSpan TimeLimit(int docxBytes) => TimeSpan.FromSeconds(60 + docxBytes / 2048);

    /// <summary>A private profile in <paramref name="folder"/> (created, and removed by the caller), ready for <see cref="Convert"/>.</summary>
    /// <returns>Null when it is ready, else what went wrong.</returns>
    public string? Prepare(string folder)
    {
        // A new profile is filled by LibreOffice's first start (which replaces the Basic library folder); the macro is
        // written into it afterwards.
        var (ok, problem) = Run([ProfileArgument(folder), "--headless", "--norestore", "--terminate_after_init"], folder, TimeSpan.FromSeconds(120));
        if (!ok) return "LibreOffice could not start: " + problem;
        var basic = Path.Combine(folder, "user", "basic", "Standard");
        Directory.CreateDirectory(basic);
        File.WriteAllText(Path.Combine(basic, "script.xlb"), LibraryIndex, Encoding.UTF8);
        File.WriteAllText(Path.Combine(basic, ModuleName + ".xba"), Module, Encoding.UTF8);
        return null;
    }

    /// <summary>Prints the Word file <paramref name="docx"/> as <paramref name="pdf"/> with the profile
    /// <paramref name="profile"/> (made by <see cref="Prepare"/>), waiting at most <paramref name="limit"/>.</summary>
    /// <returns>Null when the PDF was written, else what went wrong.</returns>
    public string? Convert(string docx, string pdf, string profile, TimeSpan limit)
    {
        if (File.Exists(pdf)) File.Delete(pdf);
        var macro = $"macro:///Standard.{ModuleName}.ToPdf(\"{new Uri(docx).AbsoluteUri}\",\"{new Uri(pdf).AbsoluteUri}\")";
        var (ok, problem) = Run([ProfileArgument(profile), "--headless", "--norestore", "--nologo", "--nolockcheck", macro], profile, limit);
        if (!ok) return problem;
        if (!File.Exists(pdf) || new FileInfo(pdf).Length < 5)
            return "LibreOffice wrote no PDF (it could not open the Word file or export it)" + (problem is null ? "." : ": " + problem);
        return null;
    }

    private static string ProfileArgument(string folder) => "-env:UserInstallation=" + new Uri(Path.GetFullPath(folder)).AbsoluteUri;

    // (true, what it printed on stderr when it matters) when the program ran to the end with exit code 0.
    private (bool Ok, string? Problem) Run(IReadOnlyList<string> args, string home, TimeSpan limit)
    {
        var psi = new ProcessStartInfo(Program) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
        foreach (var a in args) psi.ArgumentList.Add(a);
        // Dates LibreOffice writes are in UTC, in one fixed form that PdfMetadata replaces; its random numbers (in the
        // names of the bookmarks an updated contents links to, which the PDF keeps as named destinations) repeat.
        psi.Environment["TZ"] = "UTC";
        psi.Environment["SAL_RAND_REPEATABLE"] = "1";
        // Everything it writes for itself (its settings cache, dconf) goes into the private profile, never into the
        // user's home folder.
        var full = Path.GetFullPath(home);
        psi.Environment["HOME"] = full;
        psi.Environment["XDG_CACHE_HOME"] = Path.Combine(full, ".cache");
        psi.Environment["XDG_CONFIG_HOME"] = Path.Combine(full, ".config");
        psi.Environment["XDG_DATA_HOME"] = Path.Combine(full, ".local", "share");
        Process? process;
        try
        {
            process = Process.Start(psi);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (false, $"{Program} could not be started ({e.Message}).");
        }
        if (process is null) return (false, $"{Program} could not be started.");
        using (process)
        {
            process.StandardInput.Close();
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(limit))
            {
                try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { } // it ended meanwhile
                process.WaitForExit(TimeSpan.FromSeconds(30));
                return (false, $"LibreOffice did not finish within {limit.TotalSeconds.ToString("0", CultureInfo.InvariantCulture)} s and was stopped.");
            }
            // What it printed, unless a process it left behind holds the output open: that one is stopped, not waited for.
            if (!Task.WaitAll([stdout, stderr], TimeSpan.FromSeconds(30)))
                try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
            var said = string.Join("; ", (Printed(stdout) + "\n" + Printed(stderr)).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Where(l => !l.Contains("javaldx", StringComparison.Ordinal)));
            if (process.ExitCode != 0)
                return (false, $"LibreOffice exited with code {process.ExitCode.ToString(CultureInfo.InvariantCulture)}" + (said.Length > 0 ? ": " + said : "."));
            return (true, said.Length > 0 ? said : null);
        }
    }

    private static string Printed(Task<string> stream) => stream.IsCompletedSuccessfully ? stream.Result : "";

    private const string ModuleName = "PolicyDocsPdf";

    private const string LibraryIndex = $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE library:library PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "library.dtd">
        <library:library xmlns:library="http://openoffice.org/2000/library" library:name="Standard" library:readonly="false" library:passwordprotected="false">
         <library:element library:name="{ModuleName}"/>
        </library:library>
        """;

    // The macro as a Basic module file (XML: its quotes are &quot;). Any error closes the document and ends the macro,
    // so LibreOffice exits and the missing PDF says it failed.
    private const string Module = $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
        <script:module xmlns:script="http://openoffice.org/2000/script" script:name="{ModuleName}" script:language="StarBasic">
        Sub ToPdf(source As String, target As String)
          Dim doc As Object
          On Error Goto Failed
          Dim load(0) As New com.sun.star.beans.PropertyValue
          load(0).Name = &quot;Hidden&quot;
          load(0).Value = True
          doc = StarDesktop.loadComponentFromURL(source, &quot;_blank&quot;, 0, load())
          doc.RecordChanges = False
          Dim indexes As Object
          indexes = doc.getDocumentIndexes()
          Dim i As Integer
          For i = 0 To indexes.getCount() - 1
            indexes.getByIndex(i).update()
          Next i
          doc.getTextFields().refresh()
          Dim data(2) As New com.sun.star.beans.PropertyValue
          data(0).Name = &quot;ExportBookmarks&quot;
          data(0).Value = True
          data(1).Name = &quot;ExportBookmarksToPDFDestination&quot;
          data(1).Value = True
          data(2).Name = &quot;ExportLinksRelativeFsys&quot;
          data(2).Value = True
          Dim store(1) As New com.sun.star.beans.PropertyValue
          store(0).Name = &quot;FilterName&quot;
          store(0).Value = &quot;writer_pdf_Export&quot;
          store(1).Name = &quot;FilterData&quot;
          store(1).Value = data()
          doc.storeToURL(target, store())
          doc.close(True)
          Exit Sub
        Failed:
          On Error Resume Next
          If Not IsNull(doc) Then doc.close(True)
        End Sub
        </script:module>
        """;
}

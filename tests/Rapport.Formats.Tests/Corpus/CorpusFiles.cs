using System.Runtime.CompilerServices;

namespace Rapport.Formats.Tests.Corpus;

/// <summary>Finds the shared conformance corpus: beside the repository (CI) or in a parent folder (here).</summary>
public static class CorpusFiles
{
    public static string Root { get; } = Find();

    private static string Find([CallerFilePath] string sourceFile = "")
    {
        var starts = new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory(), Path.GetDirectoryName(sourceFile) ?? "" };
        foreach (var start in starts.Where(s => s.Length > 0))
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "shared", "corpus");
                if (Directory.Exists(candidate)) return candidate;
            }
        }
        throw new InvalidOperationException(
            "The conformance corpus (a folder shared/corpus) was not found above " + string.Join(" or ", starts) + "; the conformance tests cannot run without it.");
    }
}

/// <summary>One row of a MANIFEST.md table, cells by column title.</summary>
public sealed record ManifestRow(string Folder, string File, IReadOnlyDictionary<string, string> Cells)
{
    public string this[string column] => Cells.TryGetValue(column, out var v) ? v : throw new KeyNotFoundException($"MANIFEST has no column \"{column}\" for {File}");
}

/// <summary>Reads the markdown tables of a MANIFEST.md; a "## folder/" heading names the folder of the rows below it.</summary>
public static class Manifest
{
    public static List<ManifestRow> Read(string path)
    {
        var rows = new List<ManifestRow>();
        string folder = "";
        string[]? columns = null;
        foreach (var raw in File.ReadAllLines(path))
        {
            var line = raw.Trim();
            if (line.StartsWith("## ", StringComparison.Ordinal)) { folder = line[3..].Trim().TrimEnd('/'); columns = null; continue; }
            if (!line.StartsWith('|')) { columns = null; continue; }
            var cells = line.Trim('|').Split('|').Select(c => c.Trim()).ToArray();
            if (columns is null) { columns = cells; continue; }
            if (cells.All(c => c.Trim('-', ':').Length == 0)) continue;
            var dict = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < columns.Length && i < cells.Length; i++) dict[columns[i]] = cells[i];
            var file = dict["file"].Trim('`');
            var slash = file.LastIndexOf('/');
            var rowFolder = slash >= 0 ? file[..slash] : folder;
            rows.Add(new ManifestRow(rowFolder, slash >= 0 ? file[(slash + 1)..] : file, dict));
        }
        return rows;
    }
}

namespace Rapport.App.Common;

/// <summary>
/// Checks a file a command is asked to write (an export, a backup) before anything is written, so that a mistyped
/// path is an input error naming what is wrong rather than a new folder, a lost file or a stack trace.
/// </summary>
public static class OutputFile
{
    /// <summary>
    /// The full path of <paramref name="file"/> when it may be written: its folder must exist, it must not be a folder,
    /// and it must not already exist (an empty file left by an earlier failed run does not count) unless
    /// <paramref name="overwrite"/>.
    /// </summary>
    public static string Check(string field, string file, bool overwrite, string refusal = "choose a new name")
    {
        if (string.IsNullOrWhiteSpace(file)) throw new InputException(field, $"{field}: expected a file name");
        string full;
        try
        {
            full = Path.GetFullPath(file);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new InputException(field, $"{field}: {file} is not a valid file name ({e.Message})");
        }
        if (Directory.Exists(full)) throw new InputException(field, $"{field}: {file} is a folder; name a file in it");
        RequireFolder(field, full);
        if (!overwrite && File.Exists(full) && new FileInfo(full).Length > 0)
            throw new InputException(field, $"{field}: {file} already exists; {refusal}");
        return full;
    }

    /// <summary>Refuses a file whose folder does not exist (<paramref name="full"/> is a full path), rather than making it.</summary>
    public static void RequireFolder(string field, string full)
    {
        if (Path.GetDirectoryName(full) is { } folder && !Directory.Exists(folder))
            throw new InputException(field, $"{field}: the folder {folder} does not exist: create it first, or check the path");
    }
}

using Rapport.Formats;
using Rapport.Formats.Csv;
using Rapport.Formats.Google;
using Rapport.Formats.ICalendar;
using Rapport.Formats.LinkedIn;
using Rapport.Formats.Mbox;
using Rapport.Formats.Outlook;
using Rapport.Formats.Records;
using Rapport.Formats.VCard;

namespace Rapport.App.Import;

/// <summary>Everything read from one input, before matching: the parsers' records, in file order.</summary>
internal sealed class ImportBatch
{
    public required string Source { get; init; }
    public required string File { get; init; }
    public List<ImportedContact> Contacts { get; } = [];
    public List<ImportedInteraction> Interactions { get; } = [];
    public List<LinkedInPosition> Positions { get; } = [];
    public LinkedInProfile? Profile { get; set; }
    public List<string> IgnoredFiles { get; } = [];
}

/// <summary>Opens the input with the right parser and reads it whole, so that a bad file fails before anything is written.</summary>
internal static class ImportReader
{
    public static ImportBatch Read(ImportRequest request, ImportOptions options)
    {
        var display = request.FileName ?? request.Path ?? "upload";
        if (request.Content is null && request.Path is null) throw new Common.InputException("path", "path: expected a file, folder or .zip to import");
        if (request.Content is null && !File.Exists(request.Path) && !Directory.Exists(request.Path))
            throw new Common.InputException("path", $"path: {request.Path} does not exist");

        var kind = request.Kind;
        if (request.Content is null && Directory.Exists(request.Path))
        {
            if (kind is not (ImportSourceKind.Auto or ImportSourceKind.LinkedIn))
                throw new Common.InputException("path", $"path: {request.Path} is a folder; only a LinkedIn export can be imported as a folder");
            kind = ImportSourceKind.LinkedIn;
        }

        if (kind == ImportSourceKind.LinkedIn && request.Content is null && Directory.Exists(request.Path))
        {
            using var folder = LinkedInArchive.Open(request.Path!, options);
            return ReadLinkedIn(folder, display);
        }

        using var stream = request.Content ?? File.OpenRead(request.Path!);
        var seekable = stream.CanSeek ? stream : Buffer(stream);
        if (kind == ImportSourceKind.Auto) kind = Detect(seekable, display);
        switch (kind)
        {
            case ImportSourceKind.LinkedIn:
                using (var archive = LinkedInArchive.Open(new KeepOpen(seekable), display, options)) return ReadLinkedIn(archive, display);
            case ImportSourceKind.Google:
                return Contacts("google", display, GoogleContactsCsv.Read(seekable, display, options));
            case ImportSourceKind.Outlook:
                return Contacts("outlook", display, OutlookContactsCsv.Read(seekable, display, options));
            case ImportSourceKind.VCard:
                return Contacts("vcard", display, VCardReader.Read(seekable, display, options));
            case ImportSourceKind.Csv:
                return Contacts("csv", display, ContactCsv.Read(seekable, display, options));
            case ImportSourceKind.Ics:
                return Interactions("ics", display, ICalendarReader.Read(seekable, display, options));
            case ImportSourceKind.Mbox:
                return Interactions("mbox", display, MboxReader.Read(seekable, display, options));
            default:
                throw new ImportFormatException(display, null, null, "a LinkedIn export, Google or Outlook CSV, vCard, iCalendar or mbox file", "a file of none of these formats");
        }
    }

    /// <summary>The source name a kind is recorded under on each contact.</summary>
    public static string Name(ImportSourceKind kind) => kind switch
    {
        ImportSourceKind.LinkedIn => "linkedin",
        ImportSourceKind.Google => "google",
        ImportSourceKind.Outlook => "outlook",
        ImportSourceKind.VCard => "vcard",
        ImportSourceKind.Ics => "ics",
        ImportSourceKind.Mbox => "mbox",
        ImportSourceKind.Csv => "csv",
        _ => "auto",
    };

    private static ImportSourceKind Detect(Stream stream, string display) => ImportFormatSniffer.Detect(stream, display) switch
    {
        ImportFormat.LinkedIn => ImportSourceKind.LinkedIn,
        ImportFormat.GoogleCsv => ImportSourceKind.Google,
        ImportFormat.OutlookCsv => ImportSourceKind.Outlook,
        ImportFormat.RapportCsv => ImportSourceKind.Csv,
        ImportFormat.VCard => ImportSourceKind.VCard,
        ImportFormat.ICalendar => ImportSourceKind.Ics,
        ImportFormat.Mbox => ImportSourceKind.Mbox,
        _ => ImportSourceKind.Auto,
    };

    private static ImportBatch Contacts(string source, string file, IEnumerable<ImportedContact> contacts)
    {
        var batch = new ImportBatch { Source = source, File = file };
        batch.Contacts.AddRange(contacts);
        return batch;
    }

    private static ImportBatch Interactions(string source, string file, IEnumerable<ImportedInteraction> interactions)
    {
        var batch = new ImportBatch { Source = source, File = file };
        batch.Interactions.AddRange(interactions);
        return batch;
    }

    private static ImportBatch ReadLinkedIn(LinkedInArchive archive, string file)
    {
        var batch = new ImportBatch { Source = "linkedin", File = file, Profile = archive.Profile };
        batch.IgnoredFiles.AddRange(archive.IgnoredFiles);
        batch.Positions.AddRange(archive.Positions());
        batch.Contacts.AddRange(archive.Connections());
        batch.Interactions.AddRange(archive.Messages());
        batch.Interactions.AddRange(archive.Invitations().Select(i => i.ToInteraction()));
        batch.Interactions.AddRange(archive.Endorsements().Select(e => e.ToInteraction()));
        foreach (var r in archive.Recommendations())
        {
            if (r.ToInteraction() is { } i) batch.Interactions.Add(i);
        }
        return batch;
    }

    private static MemoryStream Buffer(Stream stream)
    {
        var copy = new MemoryStream();
        stream.CopyTo(copy);
        copy.Position = 0;
        return copy;
    }

    /// <summary>Lets the archive dispose its stream without closing the caller's.</summary>
    private sealed class KeepOpen(Stream inner) : Stream
    {
        public override bool CanRead => inner.CanRead;
        public override bool CanSeek => inner.CanSeek;
        public override bool CanWrite => false;
        public override long Length => inner.Length;
        public override long Position { get => inner.Position; set => inner.Position = value; }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);
        public override int Read(Span<byte> buffer) => inner.Read(buffer);
        public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

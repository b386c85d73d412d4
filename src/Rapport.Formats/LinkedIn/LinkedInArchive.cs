using System.IO.Compression;
using System.Net;
using Rapport.Formats.Csv;
using Rapport.Formats.Records;
using Rapport.Formats.Text;

namespace Rapport.Formats.LinkedIn;

/// <summary>One CSV found in a LinkedIn archive and what it holds.</summary>
public sealed record LinkedInFile(string Name, LinkedInFileKind Kind, long? Length);

/// <summary>
/// A LinkedIn "Get a copy of your data" export opened for reading: the .zip as downloaded, its extracted
/// folder, or a single CSV. Files are recognised by header, not name, and each section streams its rows.
/// <para>
/// Direction of messages: a row is the user's own (Out) when FOLDER is SENT (legacy: Direction OUTGOING or
/// Folder SENT), or when its sender is the owner. The owner is <see cref="ImportOptions.OwnerProfileUrl"/> /
/// <see cref="ImportOptions.OwnerName"/> when given, else the name in Profile.csv, else the one person who takes
/// part in more conversations than anyone else (the owner is in all of them). Other rows are In; when no owner
/// can be told, Mutual. The owner is left out of participants.
/// </para>
/// </summary>
public sealed class LinkedInArchive : IDisposable
{
    private readonly ZipArchive? _zip;
    private Stream? _single;
    private readonly Dictionary<string, Func<Stream>> _open = new(StringComparer.Ordinal);
    private readonly List<LinkedInFile> _files = [];
    private readonly List<string> _ignored = [];
    private readonly ImportOptions _options;
    private (string? Name, string? Url)? _owner;

    private LinkedInArchive(ZipArchive? zip, ImportOptions options)
    {
        _zip = zip;
        _options = options;
    }

    /// <summary>The recognised files.</summary>
    public IReadOnlyList<LinkedInFile> Files => _files;

    /// <summary>Files left aside (other CSVs of the export, system messages), with the reason.</summary>
    public IReadOnlyList<string> IgnoredFiles => _ignored;

    /// <summary>The owner's profile when Profile.csv is present.</summary>
    public LinkedInProfile? Profile { get; private set; }

    /// <summary>Opens a .zip, a folder or a single CSV by path.</summary>
    public static LinkedInArchive Open(string path, ImportOptions? options = null)
    {
        options ??= new ImportOptions();
        if (Directory.Exists(path))
        {
            var archive = new LinkedInArchive(null, options);
            foreach (var file in Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var rel = Path.GetRelativePath(path, file);
                archive.Add(rel, () => File.OpenRead(file), new FileInfo(file).Length);
            }
            return archive.Finish(path);
        }
        var stream = File.OpenRead(path);
        try
        {
            return Open(stream, Path.GetFileName(path), options);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>Opens a .zip or a single CSV given as a stream (kept open until the archive is disposed).</summary>
    public static LinkedInArchive Open(Stream stream, string fileName, ImportOptions? options = null)
    {
        options ??= new ImportOptions();
        if (!stream.CanSeek)
        {
            var copy = new MemoryStream();
            stream.CopyTo(copy);
            stream.Dispose();
            copy.Position = 0;
            stream = copy;
        }
        var start = stream.Position;
        Span<byte> magic = stackalloc byte[4];
        var n = stream.ReadAtLeast(magic, 4, throwOnEndOfStream: false);
        stream.Position = start;
        if (n == 4 && SniffedText.IsZip(magic) && !fileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
        {
            ZipArchive zip;
            try
            {
                zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: false);
            }
            catch (InvalidDataException e)
            {
                throw new ImportFormatException(fileName, null, null, "a LinkedIn export .zip", "a damaged ZIP archive (" + e.Message + ")", e);
            }
            var archive = new LinkedInArchive(zip, options);
            try
            {
                foreach (var entry in zip.Entries.Where(e => e.Name.Length > 0).OrderBy(e => e.FullName, StringComparer.Ordinal))
                    archive.Add(entry.FullName, entry.Open, entry.Length);
            }
            catch (InvalidDataException e)
            {
                archive.Dispose();
                throw new ImportFormatException(fileName, null, null, "a LinkedIn export .zip", "a damaged ZIP archive (" + e.Message + ")", e);
            }
            try
            {
                return archive.Finish(fileName);
            }
            catch
            {
                archive.Dispose();
                throw;
            }
        }
        var single = new LinkedInArchive(null, options) { _single = stream };
        single.Add(fileName, () => { stream.Position = start; return new KeepOpenStream(stream); }, stream.Length - start, single: true);
        return single.Finish(null);
    }

    private void Add(string name, Func<Stream> open, long length, bool single = false)
    {
        if (!single && !name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
        {
            _ignored.Add(name + ": not a CSV file");
            return;
        }
        if (LinkedInFiles.IsSystemMessages(name))
        {
            _ignored.Add(name + ": LinkedIn's own messages, not conversations with people");
            return;
        }
        var kind = Sniff(name, open, mustBeKnown: single || LinkedInFiles.IsWantedName(name));
        if (kind == LinkedInFileKind.Unknown)
        {
            _ignored.Add(name + ": not a file Rapport imports");
            return;
        }
        _open[name] = open;
        _files.Add(new LinkedInFile(name, kind, length));
        _options.Progress.AddTotal(length);
    }

    private static readonly string ExpectedHeader =
        "a LinkedIn export CSV header (Connections, messages, Invitations, Endorsement_*_Info, Recommendations_*, Positions or Profile)";

    private LinkedInFileKind Sniff(string name, Func<Stream> open, bool mustBeKnown)
    {
        using var stream = open();
        try
        {
            using var table = CsvTable.Open(stream, name, h => LinkedInFiles.Identify(h, name) != LinkedInFileKind.Unknown, ExpectedHeader);
            return LinkedInFiles.Identify(table.Header, name);
        }
        catch (ImportFormatException) when (!mustBeKnown)
        {
            return LinkedInFileKind.Unknown;
        }
    }

    /// <summary>What a LinkedIn export must hold at least one of, for the error on a folder or .zip that holds none.</summary>
    private const string ExpectedFiles =
        "a LinkedIn export holding Connections.csv, messages.csv, Invitations.csv, Endorsement_Received_Info.csv, Endorsement_Given_Info.csv, " +
        "Recommendations_Received.csv, Recommendations_Given.csv, Positions.csv or Profile.csv";

    /// <summary>Reads the profile; a folder or .zip (<paramref name="container"/>) with no file this reader uses is refused.</summary>
    private LinkedInArchive Finish(string? container)
    {
        if (container is not null && _files.Count == 0)
        {
            var found = _ignored.Count switch
            {
                0 => "no files at all",
                1 => "1 file, which is not one of these (" + _ignored[0] + ")",
                _ => $"{_ignored.Count} files, none of them one of these (first: {_ignored[0]})",
            };
            throw ImportFormatException.NothingImportable(container, ExpectedFiles, found);
        }
        var profile = _files.FirstOrDefault(f => f.Kind == LinkedInFileKind.Profile);
        if (profile is not null) Profile = ReadProfile(profile.Name);
        return this;
    }

    private IEnumerable<CsvRow> Rows(LinkedInFileKind kind) => _files.Where(f => f.Kind == kind).SelectMany(RowsOf);

    private IEnumerable<CsvRow> RowsOf(LinkedInFile file)
    {
        using var stream = _open[file.Name]();
        using var table = CsvTable.Open(stream, file.Name, h => LinkedInFiles.Identify(h, file.Name) == file.Kind, ExpectedHeader, _options.Progress);
        foreach (var row in table.Rows()) yield return row;
    }

    private LinkedInProfile? ReadProfile(string name)
    {
        using var stream = _open[name]();
        using var table = CsvTable.Open(stream, name, h => LinkedInFiles.Identify(h, name) == LinkedInFileKind.Profile, ExpectedHeader);
        foreach (var row in table.Rows())
        {
            var birth = row.Get("Birth Date") is { } b ? LinkedInDates.ParseBirthDate(b) : null;
            return new LinkedInProfile(row.Get("First Name"), row.Get("Last Name"), row.Get("Maiden Name"), row.Get("Headline"), row.Get("Summary"),
                row.Get("Industry"), row.GetAny("Geo Location", "Location"), birth, row.Get("Websites"), row.Get("Twitter Handles"));
        }
        return null;
    }

    /// <summary>Connections as contacts: name, profile URL, email when shared, company, position and "Connected On" as <see cref="ImportedContact.KnownSince"/>.</summary>
    public IEnumerable<ImportedContact> Connections()
    {
        foreach (var file in _files.Where(f => f.Kind == LinkedInFileKind.Connections))
        {
            using var stream = _open[file.Name]();
            using var table = CsvTable.Open(stream, file.Name, h => LinkedInFiles.Identify(h, file.Name) == file.Kind, ExpectedHeader, _options.Progress);
            var columns = new ConnectionColumns(table.Header);
            foreach (var row in table.Rows())
            {
                var contact = ReadConnection(row, columns);
                if (contact is not null) yield return contact;
            }
        }
    }

    /// <summary>Column positions looked up once per file: connections are the hot path of big imports.</summary>
    private sealed class ConnectionColumns(CsvHeader h)
    {
        public readonly int First = h.IndexOf("First Name");
        public readonly int Last = h.IndexOf("Last Name");
        public readonly int Url = h.IndexOf("URL") >= 0 ? h.IndexOf("URL") : h.IndexOf("Profile URL");
        public readonly int Email = h.IndexOf("Email Address");
        public readonly int Company = h.IndexOf("Company");
        public readonly int Position = h.IndexOf("Position");
        public readonly int ConnectedOn = h.IndexOf("Connected On");
    }

    private static string? Field(CsvRow row, int index) => DisplayNames.Clean(row.Record[index]);

    private ImportedContact? ReadConnection(CsvRow row, ConnectionColumns columns)
    {
        var first = Field(row, columns.First);
        var last = Field(row, columns.Last);
        var url = ProfileUrls.NormalizeLinkedIn(Field(row, columns.Url));
        if (first is null && last is null && url is null)
        {
            _options.Reject(row.Error("First Name", "a first or last name"));
            return null;
        }
        DateOnly? since = null;
        if (Field(row, columns.ConnectedOn) is { } on)
        {
            since = LinkedInDates.ParseDay(on);
            if (since is null)
            {
                _options.Reject(row.Error("Connected On", "a date like \"22 Dec 2025\""));
                return null;
            }
        }
        var emails = ValueList<ImportedEmail>.Empty;
        if (Field(row, columns.Email) is { } raw && EmailAddresses.TryNormalize(raw, out var email)) emails = [new ImportedEmail(email, null, true)];
        var display = first is null ? last ?? url! : last is null ? first : first + " " + last;
        var company = Field(row, columns.Company);
        return new ImportedContact
        {
            DisplayName = display,
            GivenName = first,
            FamilyName = last,
            Emails = emails,
            Company = company,
            Title = Field(row, columns.Position),
            LinkedInUrl = url,
            KnownSince = since,
            // Exports before 2019 give no profile URL: a name alone would make one person of two namesakes (two John Smiths
            // at Acme and Globex), so the company is part of the key. Someone who moved between two such exports comes
            // back as a second contact of the same name, which `contact duplicates` lists for a merge: nothing is lost.
            ExternalKey = url ?? "linkedin-name:" + display.ToLowerInvariant() + (company is null ? "" : "|" + company.ToLowerInvariant()),
            SourceLine = row.Line,
            SourceFile = row.FileName,
        };
    }

    /// <summary>Person-to-person messages as interactions (channel Message), current and 2018 formats; drafts are skipped.</summary>
    public IEnumerable<ImportedInteraction> Messages()
    {
        var owner = Owner();
        foreach (var file in _files.Where(f => f.Kind is LinkedInFileKind.Messages or LinkedInFileKind.LegacyMessages))
        {
            foreach (var row in RowsOf(file))
            {
                var message = file.Kind == LinkedInFileKind.Messages ? ReadMessage(row, owner) : ReadLegacyMessage(row);
                if (message is not null) yield return message;
            }
        }
    }

    private ImportedInteraction? ReadMessage(CsvRow row, (string? Name, string? Url) owner)
    {
        if (IsYes(row.Get("IS MESSAGE DRAFT")))
        {
            _options.Progress.AddSkipped();
            return null;
        }
        if (row.Get("DATE") is not { } dateText || LinkedInDates.ParseTime(dateText) is not { } at)
        {
            _options.Reject(row.Error("DATE", "a time like \"2024-06-18 11:59:53 UTC\""));
            return null;
        }
        var from = new ImportedParticipant(null, ProfileUrls.NormalizeLinkedIn(row.Get("SENDER PROFILE URL")), row.Get("FROM"));
        var toNames = SplitList(row.Get("TO"));
        var toUrls = SplitList(row.Get("RECIPIENT PROFILE URLS")).Select(ProfileUrls.NormalizeLinkedIn).ToList();
        var recipients = new List<ImportedParticipant>();
        if (toNames.Count == toUrls.Count)
            for (var i = 0; i < toNames.Count; i++) recipients.Add(new ImportedParticipant(null, toUrls[i], toNames[i]));
        else if (toUrls.Count == 1)
            recipients.Add(new ImportedParticipant(null, toUrls[0], row.Get("TO")));
        else
        {
            recipients.AddRange(toNames.Select(n => new ImportedParticipant(null, null, n)));
            recipients.AddRange(toUrls.Where(u => u is not null).Select(u => new ImportedParticipant(null, u, null)));
        }

        var direction = InteractionDirection.Mutual;
        if (string.Equals(row.Get("FOLDER"), "SENT", StringComparison.OrdinalIgnoreCase) || IsOwner(from, owner)) direction = InteractionDirection.Out;
        else if (owner.Name is not null || owner.Url is not null) direction = InteractionDirection.In;

        var participants = new List<ImportedParticipant>();
        foreach (var p in recipients.Prepend(from))
        {
            if (p.Name is null && p.ProfileUrl is null) continue;
            if (IsOwner(p, owner) || direction == InteractionDirection.Out && ReferenceEquals(p, from)) continue;
            if (!participants.Contains(p)) participants.Add(p);
        }
        var conversation = row.Get("CONVERSATION ID");
        return new ImportedInteraction
        {
            OccurredAtUtc = at,
            Channel = InteractionChannel.Message,
            Direction = direction,
            Participants = participants,
            Subject = row.Get("SUBJECT") ?? row.Get("CONVERSATION TITLE"),
            Note = row.Get("CONTENT"),
            ExternalKey = $"linkedin-message:{conversation}|{dateText}|{from.ProfileUrl ?? from.Name}",
            SourceLine = row.Line,
            SourceFile = row.FileName,
        };
    }

    private ImportedInteraction? ReadLegacyMessage(CsvRow row)
    {
        if (row.Get("Date") is not { } dateText || LinkedInDates.ParseTime(dateText) is not { } at)
        {
            _options.Reject(row.Error("Date", "a time like \"10/16/18, 8:36 AM\""));
            return null;
        }
        var outgoing = string.Equals(row.Get("Direction"), "OUTGOING", StringComparison.OrdinalIgnoreCase)
            || string.Equals(row.Get("Folder"), "SENT", StringComparison.OrdinalIgnoreCase);
        var incoming = string.Equals(row.Get("Direction"), "INCOMING", StringComparison.OrdinalIgnoreCase);
        var others = outgoing ? SplitList(row.Get("To")) : [row.Get("From") ?? ""];
        var participants = others.Where(n => n.Length > 0).Select(n => new ImportedParticipant(null, null, Html(n))).Distinct().ToList();
        return new ImportedInteraction
        {
            OccurredAtUtc = at,
            Channel = InteractionChannel.Message,
            Direction = outgoing ? InteractionDirection.Out : incoming ? InteractionDirection.In : InteractionDirection.Mutual,
            Participants = participants,
            Subject = Html(row.Get("Subject")),
            Note = Html(row.Get("Content")),
            ExternalKey = $"linkedin-message:{dateText}|{row.Get("From")}|{row.Get("To")}",
            SourceLine = row.Line,
            SourceFile = row.FileName,
        };
    }

    private (string? Name, string? Url) Owner()
    {
        if (_owner is { } known) return known;
        string? name = _options.OwnerName ?? (Profile?.FullName is { Length: > 0 } full ? full : null);
        var url = ProfileUrls.NormalizeLinkedIn(_options.OwnerProfileUrl);
        if (name is null && url is null) (name, url) = GuessOwner();
        _owner = (name, url);
        return _owner.Value;
    }

    /// <summary>The person in more conversations than anyone else, or nobody when there is a tie.</summary>
    private (string? Name, string? Url) GuessOwner()
    {
        var seen = new Dictionary<string, HashSet<string>>(StringComparer.OrdinalIgnoreCase);
        var urls = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in _files.Where(f => f.Kind == LinkedInFileKind.Messages))
        {
            using var stream = _open[file.Name]();
            using var table = CsvTable.Open(stream, file.Name, h => LinkedInFiles.Identify(h, file.Name) == LinkedInFileKind.Messages, ExpectedHeader);
            foreach (var row in table.Rows())
            {
                var conversation = row.Get("CONVERSATION ID") ?? row.Line.ToString(System.Globalization.CultureInfo.InvariantCulture);
                void Note(string? n, string? u)
                {
                    if (n is null) return;
                    if (!seen.TryGetValue(n, out var set)) seen[n] = set = [];
                    set.Add(conversation);
                    if (u is not null) urls[n] = u;
                }
                Note(row.Get("FROM"), ProfileUrls.NormalizeLinkedIn(row.Get("SENDER PROFILE URL")));
                var names = SplitList(row.Get("TO"));
                var links = SplitList(row.Get("RECIPIENT PROFILE URLS"));
                for (var i = 0; i < names.Count; i++) Note(names[i], names.Count == links.Count ? ProfileUrls.NormalizeLinkedIn(links[i]) : null);
            }
        }
        var ranked = seen.OrderByDescending(kv => kv.Value.Count).Take(2).ToList();
        if (ranked.Count == 0 || ranked.Count == 2 && ranked[0].Value.Count == ranked[1].Value.Count) return (null, null);
        return (ranked[0].Key, urls.GetValueOrDefault(ranked[0].Key));
    }

    private static bool IsOwner(ImportedParticipant p, (string? Name, string? Url) owner) =>
        owner.Url is not null && string.Equals(p.ProfileUrl, owner.Url, StringComparison.OrdinalIgnoreCase)
        || owner.Name is not null && string.Equals(p.Name?.Trim(), owner.Name.Trim(), StringComparison.OrdinalIgnoreCase);

    /// <summary>Invitations sent and received.</summary>
    public IEnumerable<LinkedInInvitation> Invitations()
    {
        foreach (var row in Rows(LinkedInFileKind.Invitations))
        {
            if (row.Get("Sent At") is not { } text || LinkedInDates.ParseTime(text) is not { } at)
            {
                _options.Reject(row.Error("Sent At", "a time like \"6/17/23, 6:18 AM\""));
                continue;
            }
            var direction = string.Equals(row.Get("Direction"), "OUTGOING", StringComparison.OrdinalIgnoreCase) ? InteractionDirection.Out : InteractionDirection.In;
            yield return new LinkedInInvitation(row.Get("From"), row.Get("To"), at, row.Get("Message"), direction,
                ProfileUrls.NormalizeLinkedIn(row.GetAny("inviterProfileUrl", "inviterProfileUrn")),
                ProfileUrls.NormalizeLinkedIn(row.GetAny("inviteeProfileUrl", "inviteeProfileUrn")), row.Line) { SourceFile = row.FileName };
        }
    }

    /// <summary>Endorsements received and given.</summary>
    public IEnumerable<LinkedInEndorsement> Endorsements()
    {
        foreach (var (kind, who, given) in new[] { (LinkedInFileKind.EndorsementsReceived, "Endorser", false), (LinkedInFileKind.EndorsementsGiven, "Endorsee", true) })
        {
            foreach (var row in Rows(kind))
            {
                if (row.Get("Endorsement Date") is not { } text || LinkedInDates.ParseTime(text) is not { } at)
                {
                    _options.Reject(row.Error("Endorsement Date", "a time like \"2021/08/11 11:00:31 UTC\""));
                    continue;
                }
                yield return new LinkedInEndorsement(given, at, row.Get("Skill Name") ?? "", row.Get(who + " First Name"), row.Get(who + " Last Name"),
                    ProfileUrls.NormalizeLinkedIn(row.Get(who + " Public Url")), row.Get("Endorsement Status"), row.Line) { SourceFile = row.FileName };
            }
        }
    }

    /// <summary>Recommendations received and given.</summary>
    public IEnumerable<LinkedInRecommendation> Recommendations()
    {
        foreach (var (kind, given) in new[] { (LinkedInFileKind.RecommendationsReceived, false), (LinkedInFileKind.RecommendationsGiven, true) })
        {
            foreach (var row in Rows(kind))
            {
                DateTime? at = null;
                if (row.Get("Creation Date") is { } text)
                {
                    at = LinkedInDates.ParseTime(text);
                    if (at is null)
                    {
                        _options.Reject(row.Error("Creation Date", "a time like \"12/24/23, 05:28 AM\""));
                        continue;
                    }
                }
                yield return new LinkedInRecommendation(given, row.Get("First Name"), row.Get("Last Name"), row.Get("Company"), row.Get("Job Title"),
                    row.Get("Text"), at, row.Get("Status"), row.Line) { SourceFile = row.FileName };
            }
        }
    }

    /// <summary>The owner's positions, current ones without an end date.</summary>
    public IEnumerable<LinkedInPosition> Positions()
    {
        foreach (var row in Rows(LinkedInFileKind.Positions))
        {
            if (row.Get("Company Name") is not { } company)
            {
                _options.Reject(row.Error("Company Name", "a company name"));
                continue;
            }
            DateOnly? started = null, finished = null;
            if (row.Get("Started On") is { } s && (started = LinkedInDates.ParseMonth(s)) is null)
            {
                _options.Reject(row.Error("Started On", "a month like \"Nov 2022\""));
                continue;
            }
            if (row.Get("Finished On") is { } f && (finished = LinkedInDates.ParseMonth(f)) is null)
            {
                _options.Reject(row.Error("Finished On", "a month like \"Nov 2022\" or nothing"));
                continue;
            }
            yield return new LinkedInPosition(company, row.Get("Title"), row.Get("Description"), row.Get("Location"), started, finished, row.Line) { SourceFile = row.FileName };
        }
    }

    private static bool IsYes(string? s) => s is not null && (s.Equals("yes", StringComparison.OrdinalIgnoreCase) || s.Equals("true", StringComparison.OrdinalIgnoreCase));

    private static List<string> SplitList(string? s) =>
        s is null ? [] : s.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();

    private static string? Html(string? s) => s is null ? null : WebUtility.HtmlDecode(s).Replace('\u00A0', ' ');

    /// <inheritdoc />
    public void Dispose()
    {
        _zip?.Dispose();
        _single?.Dispose();
    }

    private sealed class KeepOpenStream(Stream inner) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => inner.Length;
        public override long Position { get => inner.Position; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);
        public override int Read(Span<byte> buffer) => inner.Read(buffer);
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

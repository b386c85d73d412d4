using System.Text;
using Rapport.Formats.Records;
using Rapport.Formats.Text;

namespace Rapport.Formats.VCard;

/// <summary>
/// Reads vCard 2.1, 3.0 and 4.0 files (several cards per file) with the quirks of real clients: byte-level
/// unfolding (folds may split UTF-8 sequences), quoted-printable soft breaks, CHARSET parameters,
/// Windows-1252 without a charset, UTF-16 with a BOM, <c>item1.</c> groups with <c>X-ABLabel</c>, nameless
/// 2.1 parameters, any letter case, escapes and RFC 6868 caret escapes. A card without FN is named from
/// N, then X-EVOLUTION-FILE-AS, then ORG, then EMAIL.
/// </summary>
public static class VCardReader
{
    private static readonly HashSet<string> NoiseTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "internet", "pref", "x400", "voice", "msg", "x-internet", "text", "uri", "encoding", "charset",
    };

    /// <summary>Streams the cards of a file as contacts; throws <see cref="ImportFormatException"/> when there is no card at all.</summary>
    public static IEnumerable<ImportedContact> Read(Stream stream, string fileName, ImportOptions? options = null)
    {
        options ??= new ImportOptions();
        options.Progress.AddTotal(ProgressStream.TryLength(stream) ?? -1);
        var (head, replay) = SniffedText.Peek(stream, 4);
        Stream input = replay;
        if (head.Length >= 2 && (head[0] == 0xFF && head[1] == 0xFE || head[0] == 0xFE && head[1] == 0xFF))
        {
            using var buffer = new MemoryStream();
            replay.CopyTo(buffer);
            options.Progress.AddBytes(buffer.Length);
            var text = new UnicodeEncoding(head[0] == 0xFE, true, false).GetString(buffer.GetBuffer(), 2, (int)buffer.Length - 2);
            input = new MemoryStream(TextDecoding.Utf8Lenient.GetBytes(text));
        }
        else input = new ProgressStream(replay, options.Progress);
        return ReadCards(input, fileName, options);
    }

    private static IEnumerable<ImportedContact> ReadCards(Stream input, string fileName, ImportOptions options)
    {
        var reader = new ContentLineReader(input, joinQuotedPrintable: true);
        var cards = 0;
        List<ContentLine>? card = null;
        long start = 0;
        var nested = 0;
        foreach (var (bytes, number) in reader.LogicalLines())
        {
            var line = ContentLine.Parse(bytes, number);
            if (line is null) continue;
            var value = line.Name is "BEGIN" or "END" ? Encoding.ASCII.GetString(line.RawValue).Trim() : "";
            if (line.Name == "BEGIN" && value.Equals("VCARD", StringComparison.OrdinalIgnoreCase))
            {
                if (card is not null) { nested++; continue; }
                card = [];
                start = number;
                continue;
            }
            if (card is null) continue;
            if (line.Name == "END" && value.Equals("VCARD", StringComparison.OrdinalIgnoreCase))
            {
                if (nested > 0) { nested--; continue; }
                cards++;
                options.Progress.AddRow();
                var contact = Build(card, start, fileName, options);
                card = null;
                if (contact is not null) yield return contact;
                continue;
            }
            if (nested == 0) card.Add(line);
        }
        if (card is not null)
            options.Reject(new ImportFormatException(fileName, start, null, "END:VCARD to close the card that starts here", "the end of the file"));
        else if (cards == 0)
            throw new ImportFormatException(fileName, 1, null, "a vCard (BEGIN:VCARD)", reader.FirstLine is null ? "an empty file" : ImportFormatException.Quote(reader.FirstLine));
    }

    private static ImportedContact? Build(List<ContentLine> lines, long start, string fileName, ImportOptions options)
    {
        var warnings = new List<string>();
        var labels = lines.Where(l => l.Group is not null && l.Name == "X-ABLABEL")
            .GroupBy(l => l.Group!, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => AppleLabel(VCardText.Unescape(g.First().Text())), StringComparer.OrdinalIgnoreCase);
        string? fn = null, fileAs = null, given = null, family = null, company = null, department = null, title = null, role = null;
        string? city = null, region = null, country = null, uid = null, linkedIn = null;
        PartialDate? birthday = null;
        DateOnly? knownSince = null;
        var rapportCategories = new List<string>();
        string? relationshipKind = null;
        int? trust = null;
        bool? keyPlayer = null, wantToMeet = null;
        string? industry = null, function = null, seniority = null, tier = null, howWeMet = null, introducedBy = null;
        double? closeness = null;
        // One of Rapport's names (seniority, tier), or a warning.
        string? Known(ContentLine line, IReadOnlyList<string> names, string what)
        {
            var v = DisplayNames.Clean(VCardText.Unescape(line.Text()))?.ToLowerInvariant();
            if (v is null || names.Contains(v)) return v;
            warnings.Add($"{line.Name} {ImportFormatException.Quote(v)} (line {line.Line}) is not {what}");
            return null;
        }
        bool? Flag(ContentLine line)
        {
            var v = line.Text().Trim();
            if (v.Equals("TRUE", StringComparison.OrdinalIgnoreCase)) return true;
            if (v.Equals("FALSE", StringComparison.OrdinalIgnoreCase)) return false;
            warnings.Add($"{line.Name} {ImportFormatException.Quote(v)} (line {line.Line}) is not TRUE or FALSE");
            return null;
        }
        var emails = new List<ImportedEmail>();
        var phones = new List<ImportedPhone>();
        var dates = new List<ImportedDate>();
        var notes = new List<string>();
        var profiles = new List<ImportedProfile>();
        var categories = new List<string>();
        var adrChosen = false;

        foreach (var line in lines)
        {
            if (line.IsBinary && line.Name is "PHOTO" or "LOGO" or "SOUND" or "KEY") continue;
            string Text() => line.Text();
            string? Label()
            {
                if (line.Group is not null && labels.TryGetValue(line.Group, out var l) && l.Length > 0) return l;
                var type = line.ParamValues("TYPE").FirstOrDefault(t => t.Length > 0 && !NoiseTypes.Contains(t) && !t.StartsWith("X-", StringComparison.OrdinalIgnoreCase));
                return type?.ToLowerInvariant();
            }
            bool Pref() => line.HasType("PREF") || line.Param("PREF") is not null;

            switch (line.Name)
            {
                case "FN":
                    fn ??= DisplayNames.Clean(VCardText.Unescape(Text()));
                    break;
                case "N":
                {
                    var parts = VCardText.Split(Text(), ';');
                    family ??= DisplayNames.Clean(parts.ElementAtOrDefault(0));
                    given ??= DisplayNames.Clean(parts.ElementAtOrDefault(1));
                    break;
                }
                case "X-EVOLUTION-FILE-AS":
                    fileAs ??= DisplayNames.Clean(VCardText.Unescape(Text()));
                    break;
                case "ORG":
                {
                    var parts = VCardText.Split(Text(), ';');
                    company ??= DisplayNames.Clean(parts.ElementAtOrDefault(0));
                    department ??= DisplayNames.Clean(parts.ElementAtOrDefault(1));
                    break;
                }
                case "TITLE":
                    title ??= DisplayNames.Clean(VCardText.Unescape(Text()));
                    break;
                case "ROLE":
                    role ??= DisplayNames.Clean(VCardText.Unescape(Text()));
                    break;
                case "EMAIL":
                {
                    var raw = VCardText.Unescape(Text());
                    if (string.IsNullOrWhiteSpace(raw)) break;
                    if (EmailAddresses.TryNormalize(raw, out var address))
                    {
                        if (!emails.Any(e => e.Address.Equals(address, StringComparison.OrdinalIgnoreCase)))
                            emails.Add(new ImportedEmail(address, Label(), Pref() && !emails.Any(e => e.IsPrimary)));
                    }
                    else warnings.Add($"EMAIL {ImportFormatException.Quote(raw)} (line {line.Line}) is not an email address");
                    break;
                }
                case "TEL":
                {
                    var number = DisplayNames.Clean(VCardText.Unescape(Text()));
                    if (number is not null)
                    {
                        if (number.StartsWith("tel:", StringComparison.OrdinalIgnoreCase)) number = number[4..];
                        phones.Add(new ImportedPhone(number, Label()));
                    }
                    break;
                }
                case "ADR":
                {
                    var parts = VCardText.Split(Text(), ';');
                    if (parts.All(string.IsNullOrWhiteSpace)) break;
                    if (adrChosen && !Pref()) break;
                    city = DisplayNames.Clean(parts.ElementAtOrDefault(3));
                    region = DisplayNames.Clean(parts.ElementAtOrDefault(4));
                    country = DisplayNames.Clean(parts.ElementAtOrDefault(6));
                    adrChosen = true;
                    break;
                }
                case "BDAY":
                {
                    var text = VCardText.Unescape(Text()).Replace('/', '-');
                    var date = PartialDate.ParseIso(text);
                    if (date is { } d && line.Param("X-APPLE-OMIT-YEAR") is not null) date = new PartialDate(d.Month, d.Day);
                    if (date is null && !string.IsNullOrWhiteSpace(text)) warnings.Add($"BDAY {ImportFormatException.Quote(text)} is not a date");
                    birthday ??= date;
                    break;
                }
                case "ANNIVERSARY" or "X-ANNIVERSARY" or "X-EVOLUTION-ANNIVERSARY" or "X-MS-ANNIVERSARY" or "X-ABDATE":
                {
                    var text = VCardText.Unescape(Text()).Replace('/', '-');
                    var date = PartialDate.ParseIso(text);
                    if (date is { } d && line.Param("X-APPLE-OMIT-YEAR") is not null) date = new PartialDate(d.Month, d.Day);
                    var label = line.Name == "X-ABDATE" ? (line.Group is not null && labels.TryGetValue(line.Group, out var l) ? l : "Date") : "Anniversary";
                    if (date is { } ok) dates.Add(new ImportedDate(label, ok));
                    else if (!string.IsNullOrWhiteSpace(text)) warnings.Add($"{line.Name} {ImportFormatException.Quote(text)} is not a date");
                    break;
                }
                case "NOTE":
                {
                    var note = DisplayNames.Clean(VCardText.Unescape(Text()));
                    if (note is not null) notes.Add(note);
                    break;
                }
                case "URL" or "X-SOCIALPROFILE":
                {
                    var url = DisplayNames.Clean(VCardText.Unescape(Text()));
                    if (url is null) break;
                    var type = line.ParamValues("TYPE").Select(t => t.ToLowerInvariant()).FirstOrDefault(t => !NoiseTypes.Contains(t));
                    if (type == "linkedin") { linkedIn ??= url; break; }
                    if (type is null && ProfileUrls.NormalizeLinkedIn(url) is { } li) { linkedIn ??= li; break; }
                    var kind = type switch
                    {
                        "x" or "twitter" => ProfileKind.X,
                        "facebook" => ProfileKind.Facebook,
                        "github" => ProfileKind.GitHub,
                        "website" or "home" or "work" => ProfileKind.Website,
                        "other" => ProfileKind.Other,
                        _ => ProfileUrls.Classify(url),
                    };
                    profiles.Add(new ImportedProfile(kind, url));
                    break;
                }
                case "CATEGORIES":
                    categories.AddRange(VCardText.Split(Text(), ',').Select(c => c.Trim()).Where(c => c.Length > 0 && !categories.Contains(c)));
                    break;
                case "UID":
                    uid ??= DisplayNames.Clean(VCardText.Unescape(Text()));
                    break;
                case "X-RAPPORT-CATEGORIES":
                    rapportCategories.AddRange(VCardText.Split(Text(), ',').Select(c => c.Trim()).Where(c => c.Length > 0 && !rapportCategories.Contains(c)));
                    break;
                case "X-RAPPORT-KIND":
                    relationshipKind = DisplayNames.Clean(VCardText.Unescape(Text()))?.ToLowerInvariant();
                    break;
                case "X-RAPPORT-TRUST":
                    if (int.TryParse(Text().Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var t) && t is >= 0 and <= 3) trust = t;
                    else warnings.Add($"X-RAPPORT-TRUST {ImportFormatException.Quote(Text())} (line {line.Line}) is not a trust from 0 to 3");
                    break;
                case "X-RAPPORT-KEY-PLAYER":
                    keyPlayer = Flag(line) ?? keyPlayer;
                    break;
                case "X-RAPPORT-WANT-TO-MEET":
                    wantToMeet = Flag(line) ?? wantToMeet;
                    break;
                case "X-RAPPORT-INDUSTRY":
                    industry = DisplayNames.Clean(VCardText.Unescape(Text()));
                    break;
                case "X-RAPPORT-FUNCTION":
                    function = DisplayNames.Clean(VCardText.Unescape(Text()));
                    break;
                case "X-RAPPORT-SENIORITY":
                    seniority = Known(line, ImportedContact.Seniorities, "a seniority") ?? seniority;
                    break;
                case "X-RAPPORT-TIER":
                    tier = Known(line, ImportedContact.Tiers, "a tier") ?? tier;
                    break;
                case "X-RAPPORT-CLOSENESS":
                    if (double.TryParse(Text().Trim(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var cl) && cl is >= 0 and <= 1) closeness = cl;
                    else warnings.Add($"X-RAPPORT-CLOSENESS {ImportFormatException.Quote(Text())} (line {line.Line}) is not a closeness from 0 to 1");
                    break;
                case "X-RAPPORT-HOW-WE-MET":
                    howWeMet = DisplayNames.Clean(VCardText.Unescape(Text()));
                    break;
                case "X-RAPPORT-INTRODUCED-BY":
                    introducedBy = DisplayNames.Clean(VCardText.Unescape(Text()));
                    break;
                case "X-RAPPORT-KNOWN-SINCE":
                    if (DateOnly.TryParseExact(Text().Trim(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var since))
                        knownSince = since;
                    break;
            }
        }
        if (fn is null && given is null && family is null && fileAs is null && company is null && emails.Count == 0 && phones.Count == 0)
        {
            options.Reject(new ImportFormatException(fileName, start, null, "a card with a name, an organization, an email address or a phone number", "an empty card"));
            return null;
        }
        return new ImportedContact
        {
            DisplayName = DisplayNames.Derive(fn, given, family, fileAs, company, emails.FirstOrDefault()?.Address, phones.FirstOrDefault()?.Number ?? "(no name)"),
            GivenName = given,
            FamilyName = family,
            Emails = emails,
            Phones = phones,
            Company = company,
            Title = title ?? role,
            Department = department,
            City = city,
            Region = region,
            Country = country,
            Birthday = birthday,
            OtherDates = dates,
            Notes = notes.Count == 0 ? null : string.Join("\n", notes),
            LinkedInUrl = linkedIn,
            Profiles = profiles,
            Labels = categories,
            KnownSince = knownSince,
            Categories = rapportCategories,
            RelationshipKind = relationshipKind,
            Trust = trust,
            KeyPlayer = keyPlayer,
            WantToMeet = wantToMeet,
            Industry = industry,
            Function = function,
            Seniority = seniority,
            Closeness = closeness,
            Tier = tier,
            HowWeMet = howWeMet,
            IntroducedBy = introducedBy,
            ExternalKey = uid,
            SourceLine = start,
            Warnings = warnings,
        };
    }

    /// <summary>Apple writes built-in labels as <c>_$!&lt;Other&gt;!$_</c>.</summary>
    private static string AppleLabel(string label)
    {
        var t = label.Trim();
        if (t.StartsWith("_$!<", StringComparison.Ordinal) && t.EndsWith(">!$_", StringComparison.Ordinal)) t = t[4..^4];
        return t;
    }
}

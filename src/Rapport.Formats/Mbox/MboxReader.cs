using Rapport.Formats.Records;
using Rapport.Formats.Text;

namespace Rapport.Formats.Mbox;

/// <summary>
/// Reads an mbox file (RFC 4155; mboxo and mboxrd alike, Gmail Takeout) as email interactions, from the headers
/// only: From, To, Cc, Date, Subject, Message-ID, List-Unsubscribe, Precedence, X-Gmail-Labels. A message starts at
/// a line beginning <c>From </c> at the start of the file or after a blank line; bodies are skipped unread, so the
/// <c>&gt;From</c> escapes of mboxo/mboxrd bodies never matter. The user's own addresses
/// (<see cref="ImportOptions.OwnEmails"/>) set the direction and are left out of participants. Newsletters and
/// automated mail (List-Unsubscribe, Precedence bulk/list/junk, noreply/no-reply/donotreply/mailer-daemon senders)
/// and mail Gmail filed as Spam or Trash (a label of that name in X-Gmail-Labels) are skipped and counted in <see cref="ImportProgress.Skipped"/>. A bad Date falls back to the <c>From </c> line date.
/// </summary>
public static class MboxReader
{
    /// <summary>Streams the messages of an mbox file.</summary>
    public static IEnumerable<ImportedInteraction> Read(Stream stream, string fileName, ImportOptions? options = null)
    {
        options ??= new ImportOptions();
        options.Progress.AddTotal(ProgressStream.TryLength(stream) ?? -1);
        return ReadMessages(new ProgressStream(stream, options.Progress), fileName, options);
    }

    private sealed class Message
    {
        public long Line;
        public string FromLine = "";
        public readonly List<string> Headers = [];
    }

    private sealed class ReaderState
    {
        public Message? Current;
        public bool InHeaders;
        public bool PreviousBlank = true;
        public bool Started;
    }

    private static IEnumerable<ImportedInteraction> ReadMessages(Stream input, string fileName, ImportOptions options)
    {
        var lines = new ByteLineReader(input);
        var state = new ReaderState();
        while (lines.MoveNext())
        {
            var finished = Consume(lines, state, fileName);
            if (finished is not null && Build(finished, fileName, options) is { } done) yield return done;
        }
        if (state.Current is not null && Build(state.Current, fileName, options) is { } last) yield return last;
    }

    /// <summary>Takes one line; returns the previous message when this line starts a new one.</summary>
    private static Message? Consume(ByteLineReader lines, ReaderState state, string fileName)
    {
        var line = lines.Current;
        var isSeparator = state.PreviousBlank && line.StartsWith("From "u8);
        state.PreviousBlank = line.IsEmpty;
        if (!state.Started)
        {
            if (line.IsEmpty) return null;
            if (!isSeparator)
                throw new ImportFormatException(fileName, lines.LineNumber, 1, "an mbox file starting with a \"From \" separator line", ImportFormatException.Quote(TextDecoding.Decode(line)));
            state.Started = true;
        }
        if (isSeparator)
        {
            var finished = state.Current;
            state.Current = new Message { Line = lines.LineNumber, FromLine = TextDecoding.Decode(line[5..]) };
            state.InHeaders = true;
            return finished;
        }
        if (!state.InHeaders || state.Current is null) return null;
        if (line.IsEmpty)
        {
            state.InHeaders = false;
            return null;
        }
        var text = TextDecoding.Decode(line);
        var headers = state.Current.Headers;
        if (text[0] is ' ' or '\t' && headers.Count > 0) headers[^1] += text;
        else if (headers.Count < 500) headers.Add(text);
        return null;
    }

    private static ImportedInteraction? Build(Message message, string fileName, ImportOptions options)
    {
        options.Progress.AddRow();
        string? Header(string name)
        {
            foreach (var h in message.Headers)
                if (h.Length > name.Length && h[name.Length] == ':' && h.StartsWith(name, StringComparison.OrdinalIgnoreCase))
                    return h[(name.Length + 1)..].Trim();
            return null;
        }
        IEnumerable<string> All(string name)
        {
            foreach (var h in message.Headers)
                if (h.Length > name.Length && h[name.Length] == ':' && h.StartsWith(name, StringComparison.OrdinalIgnoreCase))
                    yield return h[(name.Length + 1)..].Trim();
        }

        var precedence = Header("Precedence")?.ToLowerInvariant();
        var labels = GmailLabels(Header("X-Gmail-Labels"));
        if (Header("List-Unsubscribe") is not null || precedence is "bulk" or "list" or "junk"
            || labels.Any(l => l.Equals("Spam", StringComparison.OrdinalIgnoreCase) || l.Equals("Trash", StringComparison.OrdinalIgnoreCase)))
        {
            options.Progress.AddSkipped();
            return null;
        }
        var from = Header("From") is { } f ? MailAddressList.Parse(f).FirstOrDefault() : null;
        var warnings = new List<string>();
        string? fromAddress = null;
        if (from is not null && EmailAddresses.TryNormalize(from.Address, out var fa)) fromAddress = fa;
        if (fromAddress is not null && IsAutomated(fromAddress))
        {
            options.Progress.AddSkipped();
            return null;
        }
        var at = MailDate.TryParse(Header("Date"));
        if (at is null)
        {
            at = MailDate.TryParse(FromLineDate(message.FromLine));
            if (at is not null && Header("Date") is { } bad) warnings.Add($"Date {ImportFormatException.Quote(bad)} is not a date; used the From line's");
        }
        if (at is null)
        {
            options.Reject(new ImportFormatException(fileName, message.Line, null, "a Date header like \"Tue, 5 Mar 2024 10:00:00 +0100\" or a dated From line",
                ImportFormatException.Quote(Header("Date") ?? message.FromLine)));
            return null;
        }
        var outgoing = options.IsOwnEmail(fromAddress);
        var participants = new List<ImportedParticipant>();
        void Add(MailboxAddress m)
        {
            if (!EmailAddresses.TryNormalize(m.Address, out var address))
            {
                warnings.Add($"{ImportFormatException.Quote(m.Address)} is not an email address");
                return;
            }
            if (options.IsOwnEmail(address)) return;
            if (participants.Any(p => string.Equals(p.Email, address, StringComparison.OrdinalIgnoreCase))) return;
            participants.Add(new ImportedParticipant(address, null, m.Name));
        }
        if (!outgoing && from is not null) Add(from);
        foreach (var h in All("To").Concat(All("Cc")))
            foreach (var m in MailAddressList.Parse(h)) Add(m);
        var chat = labels.Any(l => l.Equals("Chat", StringComparison.OrdinalIgnoreCase));
        var id = Header("Message-ID") ?? Header("Message-Id");
        return new ImportedInteraction
        {
            OccurredAtUtc = at.Value,
            Channel = chat ? InteractionChannel.Message : InteractionChannel.Email,
            Direction = outgoing ? InteractionDirection.Out : InteractionDirection.In,
            Kind = InteractionKind.Conversation,
            Participants = participants,
            Subject = Header("Subject") is { } s ? DisplayNames.Clean(EncodedWords.Decode(s)) : null,
            ExternalKey = id is null ? null : DisplayNames.Clean(id.Trim().Trim('<', '>')),
            SourceLine = message.Line,
            Warnings = warnings,
        };
    }

    /// <summary>Senders that are machines: noreply, no-reply, donotreply, do-not-reply, mailer-daemon.</summary>
    public static bool IsAutomated(string address)
    {
        var local = address[..Math.Max(0, address.IndexOf('@', StringComparison.Ordinal))].ToLowerInvariant();
        return local.Contains("noreply", StringComparison.Ordinal) || local.Contains("no-reply", StringComparison.Ordinal)
            || local.Contains("no_reply", StringComparison.Ordinal) || local.Contains("donotreply", StringComparison.Ordinal)
            || local.Contains("do-not-reply", StringComparison.Ordinal) || local.Contains("do_not_reply", StringComparison.Ordinal)
            || local is "mailer-daemon" or "postmaster";
    }

    /// <summary>
    /// The labels of an X-Gmail-Labels header: a comma list, where a label holding a comma or a quote is quoted
    /// (<c>"a,b"</c>, inner quotes doubled or backslash-escaped).
    /// </summary>
    private static List<string> GmailLabels(string? header)
    {
        var labels = new List<string>();
        if (string.IsNullOrWhiteSpace(header)) return labels;
        var current = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < header.Length; i++)
        {
            var c = header[i];
            if (quoted && c == '\\' && i + 1 < header.Length) current.Append(header[++i]);
            else if (c == '"' && quoted && i + 1 < header.Length && header[i + 1] == '"') current.Append(header[++i]);
            else if (c == '"') quoted = !quoted;
            else if (c == ',' && !quoted)
            {
                labels.Add(current.ToString().Trim());
                current.Clear();
            }
            else current.Append(c);
        }
        labels.Add(current.ToString().Trim());
        return labels;
    }

    /// <summary>The date part of a <c>From sender date</c> line.</summary>
    private static string FromLineDate(string fromLine)
    {
        var space = fromLine.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? "" : fromLine[(space + 1)..];
    }
}

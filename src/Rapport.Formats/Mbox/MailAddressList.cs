using System.Text;

namespace Rapport.Formats.Mbox;

/// <summary>One mailbox of an address header: the display name (decoded) and the address as written.</summary>
public sealed record MailboxAddress(string? Name, string Address);

/// <summary>
/// Parses RFC 5322 address lists leniently: quoted display names with commas, comments (used as the name when
/// there is no other), groups (<c>undisclosed-recipients:;</c>), bare addresses, obsolete routes. Encoded-words
/// are decoded in display names only, never in the address.
/// </summary>
public static class MailAddressList
{
    /// <summary>The mailboxes of a header value, in order.</summary>
    public static List<MailboxAddress> Parse(string value)
    {
        var result = new List<MailboxAddress>();
        var phrase = new StringBuilder();
        var comment = new StringBuilder();
        string? angle = null;
        var i = 0;
        void Flush()
        {
            var name = phrase.ToString().Trim();
            string address;
            if (angle is not null)
            {
                address = angle;
            }
            else
            {
                address = new string(name.Where(c => !char.IsWhiteSpace(c)).ToArray()).Trim('"');
                name = "";
            }
            var colon = address.IndexOf(':', StringComparison.Ordinal);
            if (address.StartsWith('@') && colon > 0) address = address[(colon + 1)..];
            address = address.Trim();
            if (name.Length == 0) name = comment.ToString().Trim();
            if (address.Length > 0)
            {
                var decoded = EncodedWords.Decode(name).Trim();
                result.Add(new MailboxAddress(decoded.Length == 0 ? null : decoded, address));
            }
            phrase.Clear();
            comment.Clear();
            angle = null;
        }
        while (i < value.Length)
        {
            var c = value[i];
            switch (c)
            {
                case '"':
                    i++;
                    while (i < value.Length && value[i] != '"')
                    {
                        if (value[i] == '\\' && i + 1 < value.Length) i++;
                        phrase.Append(value[i]);
                        i++;
                    }
                    i++;
                    continue;
                case '(':
                {
                    var depth = 0;
                    var text = new StringBuilder();
                    while (i < value.Length)
                    {
                        var d = value[i];
                        if (d == '\\' && i + 1 < value.Length) { text.Append(value[i + 1]); i += 2; continue; }
                        if (d == '(') { depth++; if (depth > 1) text.Append(d); }
                        else if (d == ')') { depth--; if (depth == 0) { i++; break; } text.Append(d); }
                        else text.Append(d);
                        i++;
                    }
                    if (comment.Length > 0) comment.Append(' ');
                    comment.Append(text);
                    phrase.Append(' ');
                    continue;
                }
                case '<':
                {
                    var end = value.IndexOf('>', i + 1);
                    angle = end < 0 ? value[(i + 1)..] : value[(i + 1)..end];
                    i = end < 0 ? value.Length : end + 1;
                    continue;
                }
                case ',':
                    Flush();
                    i++;
                    continue;
                case ':':
                    // A group name: what came before is not a mailbox.
                    if (angle is null)
                    {
                        phrase.Clear();
                        comment.Clear();
                        i++;
                        continue;
                    }
                    break;
                case ';':
                    Flush();
                    i++;
                    continue;
            }
            phrase.Append(c);
            i++;
        }
        Flush();
        return result;
    }
}

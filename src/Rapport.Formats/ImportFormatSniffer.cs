using System.Text;
using Rapport.Formats.Csv;
using Rapport.Formats.Google;
using Rapport.Formats.LinkedIn;
using Rapport.Formats.Outlook;
using Rapport.Formats.Text;

namespace Rapport.Formats;

/// <summary>The import formats Rapport reads.</summary>
public enum ImportFormat { Unknown, LinkedIn, GoogleCsv, OutlookCsv, RapportCsv, VCard, ICalendar, Mbox }

/// <summary>Tells which format a file is in from its content (header or first lines), never from its name.</summary>
public static class ImportFormatSniffer
{
    /// <summary>Looks at the start of a seekable stream (its position is restored) and names the format, or Unknown.</summary>
    public static ImportFormat Detect(Stream stream, string fileName)
    {
        var start = stream.Position;
        try
        {
            var (head, _) = SniffedText.Peek(stream, 64 * 1024);
            if (SniffedText.IsZip(head)) return ImportFormat.LinkedIn;
            var encoding = SniffedText.Detect(head, out var bom);
            var text = encoding.GetString(head, bom, head.Length - bom).TrimStart();
            if (text.StartsWith("BEGIN:VCALENDAR", StringComparison.OrdinalIgnoreCase)) return ImportFormat.ICalendar;
            if (text.Contains("BEGIN:VCARD", StringComparison.OrdinalIgnoreCase)) return ImportFormat.VCard;
            if (text.StartsWith("From ", StringComparison.Ordinal)) return ImportFormat.Mbox;
            var kind = ImportFormat.Unknown;
            try
            {
                using var table = CsvTable.Open(new MemoryStream(Encoding.UTF8.GetBytes(text)), fileName, h =>
                {
                    kind = LinkedInFiles.Identify(h, fileName) != LinkedInFileKind.Unknown ? ImportFormat.LinkedIn
                        : OutlookContactsCsv.IsHeader(h) ? ImportFormat.OutlookCsv
                        : GoogleContactsCsv.IsHeader(h) ? ImportFormat.GoogleCsv
                        : ContactCsv.IsHeader(h) ? ImportFormat.RapportCsv
                        : ImportFormat.Unknown;
                    return kind != ImportFormat.Unknown;
                }, "a known header");
            }
            catch (ImportFormatException)
            {
                return ImportFormat.Unknown;
            }
            return kind;
        }
        finally
        {
            stream.Position = start;
        }
    }
}

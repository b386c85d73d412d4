using FsCheck;
using FsCheck.Fluent;
using Rapport.Formats.Csv;
using Rapport.Formats.Google;
using Rapport.Formats.ICalendar;
using Rapport.Formats.LinkedIn;
using Rapport.Formats.Mbox;
using Rapport.Formats.Outlook;
using Rapport.Formats.Records;
using Rapport.Formats.VCard;

namespace Rapport.Formats.Tests;

/// <summary>On arbitrary bytes every parser returns records or raises <see cref="ImportFormatException"/>, nothing else.</summary>
public class ArbitraryBytesTest
{
    private static readonly byte[][] Seeds =
    [
        "BEGIN:VCARD\r\nVERSION:2.1\r\nFN;ENCODING=QUOTED-PRINTABLE:=C3=\r\n"u8.ToArray(),
        "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;TZID=\"x:20240101T1000\r\n"u8.ToArray(),
        "From x\nFrom: =?x?B?====?= <\"a\nDate: 99 Foo 1\n\n"u8.ToArray(),
        "Notes:\n\"x\nFirst Name,Last Name,Connected On\n\"a,\"\"b"u8.ToArray(),
        "First Name,Last Name,E-mail Address\n,,\n"u8.ToArray(),
        "Name,Given Name,Family Name,Group Membership,E-mail 1 - Value\n"u8.ToArray(),
        [0x50, 0x4B, 0x03, 0x04, 0, 0, 0],
        [0xFF, 0xFE, 0x42, 0x00, 0xD8],
    ];

    private static readonly Gen<byte[]> Bytes = Gen.Frequency(
        (2, Gen.ListOf(Gen.Choose(0, 255).Select(b => (byte)b)).Select(l => l.ToArray())),
        (3, from seed in Gen.Elements(Seeds)
            from noise in Gen.ListOf(Gen.Choose(0, 255).Select(b => (byte)b))
            from cut in Gen.Choose(0, seed.Length)
            select seed[..cut].Concat(noise).Concat(seed[cut..]).ToArray()));

    private static readonly (string Name, Func<byte[], int> Parse)[] Parsers =
    [
        ("vCard", b => VCardReader.Read(new MemoryStream(b), "x.vcf", new ImportOptions { SkipBadRows = true }).Count()),
        ("iCalendar", b => ICalendarReader.Read(new MemoryStream(b), "x.ics").Count()),
        ("mbox", b => MboxReader.Read(new MemoryStream(b), "x.mbox").Count()),
        ("Google CSV", b => GoogleContactsCsv.Read(new MemoryStream(b), "x.csv").Count()),
        ("Outlook CSV", b => OutlookContactsCsv.Read(new MemoryStream(b), "x.csv").Count()),
        ("Rapport CSV", b => ContactCsv.Read(new MemoryStream(b), "x.csv").Count()),
        ("LinkedIn", b =>
        {
            using var archive = LinkedInArchive.Open(new MemoryStream(b), "x.csv");
            return archive.Connections().Count() + archive.Messages().Count() + archive.Invitations().Count() + archive.Positions().Count();
        }),
        ("LinkedIn zip", b =>
        {
            using var archive = LinkedInArchive.Open(new MemoryStream(b), "x.zip");
            return archive.Connections().Count();
        }),
        ("sniffer", b => (int)ImportFormatSniffer.Detect(new MemoryStream(b), "x")),
    ];

    [Fact]
    public void EveryParser_OnArbitraryBytes_ReturnsRecordsOrRaisesOnlyImportFormatException()
    {
        Check.QuickThrowOnFailure(Prop.ForAll(Bytes.ToArbitrary(), bytes =>
        {
            foreach (var (name, parse) in Parsers)
            {
                try
                {
                    parse(bytes);
                }
                catch (ImportFormatException)
                {
                }
                catch (Exception e)
                {
                    Assert.Fail($"{name} threw {e.GetType().Name}: {e.Message}\n{e.StackTrace}");
                }
            }
            return true;
        }));
    }

    [Fact]
    public void AZipWithoutCsv_IsNothingImportable_AndADamagedZipIsAFormatError()
    {
        var none = Assert.Throws<ImportFormatException>(() => LinkedInArchive.Open(LinkedIn.LinkedInArchiveTest.Zip(("readme.txt", "hi")), "x.zip"));
        Assert.StartsWith("nothing importable found in x.zip", none.Message, StringComparison.Ordinal);
        Assert.Throws<ImportFormatException>(() => LinkedInArchive.Open(new MemoryStream([0x50, 0x4B, 0x03, 0x04, 1, 2, 3, 4, 5]), "x.zip"));
    }
}

using System.IO.Compression;
using System.Text;
using Rapport.Formats.LinkedIn;
using Rapport.Formats.Records;
using static Rapport.Formats.Tests.TestStreams;

namespace Rapport.Formats.Tests.LinkedIn;

public class LinkedInArchiveTest
{
    private static LinkedInArchive Open(string csv, string name = "file.csv", ImportOptions? options = null) => LinkedInArchive.Open(Utf8(csv), name, options);

    [Fact]
    public void CurrentConnections_AfterTheNotesPreamble_AreRead()
    {
        const string csv = "\uFEFFNotes:\n\"When exporting your connection data, you may notice that some of the email addresses are missing.\"\n\n" +
            "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n" +
            "Igor\t,Konterman🔸 ,https://www.linkedin.com/in/goran-stipeti%C4%87-5b837a2a0/,,\"Acme, Inc.\",\"Caporossi, MBA\",04 Jul 2023\n";
        using var archive = Open(csv, "Connections.csv");
        var c = Assert.Single(archive.Connections());
        Assert.Equal("Igor Konterman🔸", c.DisplayName);
        Assert.Equal("Igor", c.GivenName);
        Assert.Equal("https://www.linkedin.com/in/goran-stipeti%C4%87-5b837a2a0", c.LinkedInUrl);
        Assert.Equal("Acme, Inc.", c.Company);
        Assert.Equal("Caporossi, MBA", c.Title);
        Assert.Equal(new DateOnly(2023, 7, 4), c.KnownSince);
        Assert.Equal(c.LinkedInUrl, c.ExternalKey);
        Assert.Equal(5, c.SourceLine);
    }

    [Fact]
    public void LegacyConnections_WithoutUrl_ReadTheUsDateTimeAndIgnoreUrnEmails()
    {
        const string csv = "First Name,Last Name,Email Address,Company,Position,Connected On\n" +
            "Ana,Silva,urn:li:member:664293716,Globex,CTO,\"1/8/18, 6:14 PM\"\n" +
            "Bo,Li,bo@example.com,Initech,Dev,\"12/31/17, 11:59 AM\"\n";
        using var archive = Open(csv);
        var rows = archive.Connections().ToList();
        Assert.Equal(new DateOnly(2018, 1, 8), rows[0].KnownSince);
        Assert.Empty(rows[0].Emails);
        Assert.Equal("linkedin-name:ana silva|globex", rows[0].ExternalKey);
        Assert.Equal("bo@example.com", Assert.Single(rows[1].Emails).Address);
    }

    [Fact]
    public void MidPeriodConnections_WithSixColumns_ReadTheDayMonthYearDate()
    {
        using var archive = Open("First Name,Last Name,Email Address,Company,Position,Connected On\nAna,Silva,,Globex,CTO,15 Mar 2020\n");
        Assert.Equal(new DateOnly(2020, 3, 15), Assert.Single(archive.Connections()).KnownSince);
    }

    [Fact]
    public void ExcelResavedConnections_ReadTheShortExcelDate()
    {
        using var archive = Open("First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\nAna,Silva,,,Globex,CTO,18-Jun-24\r\n");
        Assert.Equal(new DateOnly(2024, 6, 18), Assert.Single(archive.Connections()).KnownSince);
    }

    [Fact]
    public void ExcelResavedConnections_WithWholeRowsInQuotes_AreUnwrapped()
    {
        const string csv = "\"First Name,Last Name,Email Address,Company,Position,Connected On\"\n" +
            "\"Ana,Silva,,\"\"Acme, Inc.\"\",CTO,15 Mar 2020\"\n";
        using var archive = Open(csv);
        var c = Assert.Single(archive.Connections());
        Assert.Equal("Ana Silva", c.DisplayName);
        Assert.Equal("Acme, Inc.", c.Company);
        Assert.Equal(new DateOnly(2020, 3, 15), c.KnownSince);
    }

    [Fact]
    public void BadConnectedOn_IsReportedWithFileLineColumnAndWhatWasExpected()
    {
        const string csv = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\nAna,Silva,,,Globex,CTO,32 Foo 2025\n";
        using var archive = Open(csv, "Connections.csv");
        var e = Assert.Throws<ImportFormatException>(() => archive.Connections().ToList());
        Assert.Equal("Connections.csv:2:24: expected a date like \"22 Dec 2025\" in \"Connected On\", got \"32 Foo 2025\"", e.Message);
        Assert.Equal(2, e.Line);
        Assert.Equal(24, e.Column);
    }

    [Fact]
    public void BadRows_AreSkippedAndCounted_WhenAskedTo()
    {
        const string csv = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\nAna,Silva,,,Globex,CTO,32 Foo 2025\nBo,Li,,,X,Y,01 Jan 2024\n";
        var options = new ImportOptions { SkipBadRows = true };
        using var archive = Open(csv, "Connections.csv", options);
        Assert.Equal("Bo Li", Assert.Single(archive.Connections()).DisplayName);
        Assert.Equal(1, options.Progress.RejectedCount);
        Assert.Equal(2, options.Progress.RowsRead);
    }

    [Fact]
    public void CurrentMessages_WithExtraColumns_AreOutWhenFolderIsSent_AndSkipDrafts()
    {
        const string csv = "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER,ATTACHMENTS,IS MESSAGE DRAFT\n" +
            "c1,,Me Myself,https://www.linkedin.com/in/me,Ana Silva,https://www.linkedin.com/in/ana,2024-06-18 11:59:53 UTC,Hi,\"line1\nline2\",SENT,,No\n" +
            "c1,,Me Myself,https://www.linkedin.com/in/me,Ana Silva,https://www.linkedin.com/in/ana,2024-06-18 12:00:00 UTC,,draft,INBOX,,Yes\n";
        var options = new ImportOptions();
        using var archive = Open(csv, "messages.csv", options);
        var m = Assert.Single(archive.Messages());
        Assert.Equal(InteractionDirection.Out, m.Direction);
        Assert.Equal(InteractionChannel.Message, m.Channel);
        Assert.Equal(new DateTime(2024, 6, 18, 11, 59, 53, DateTimeKind.Utc), m.OccurredAtUtc);
        Assert.Equal("line1\nline2", m.Note);
        Assert.Equal(new ImportedParticipant(null, "https://www.linkedin.com/in/ana", "Ana Silva"), Assert.Single(m.Participants));
        Assert.Equal(1, options.Progress.Skipped);
    }

    [Fact]
    public void Messages_InAnArchiveWithProfile_TakeTheOwnerFromProfile()
    {
        using var zip = Zip(
            ("Profile.csv", "First Name,Last Name,Maiden Name,Address,Birth Date,Headline,Summary,Industry,Zip Code,Geo Location,Twitter Handles,Websites,Instant Messengers\n" +
                "Pedro,Fuentes,,,Apr 22,Engineer,\"Multi\nline\",Software,,\"Lima, Peru\",,,\n"),
            ("messages.csv", "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER\n" +
                "a,,Ana Lopez,https://www.linkedin.com/in/analopez,Pedro Fuentes,https://www.linkedin.com/in/pedro,2024-03-15 09:30:00 UTC,,Hi,INBOX\n" +
                "a,,Pedro Fuentes,https://www.linkedin.com/in/pedro,Ana Lopez,https://www.linkedin.com/in/analopez,2024-03-15 10:00:00 UTC,,Hey,INBOX\n"),
            ("guide_messages.csv", "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER\n" +
                "g,,LinkedIn Guide,,Pedro Fuentes,,2024-03-15 10:00:00 UTC,,Tip,INBOX\n"),
            ("Education.csv", "School Name,Start Date,End Date,Notes,Degree Name,Activities\nX,2010,2014,,,\n"));
        using var archive = LinkedInArchive.Open(zip, "Complete_LinkedInDataExport_01-01-2025.zip");
        Assert.Equal("Pedro Fuentes", archive.Profile!.FullName);
        Assert.Equal(new PartialDate(4, 22), archive.Profile.BirthDate);
        Assert.Equal("Software", archive.Profile.Industry);
        var messages = archive.Messages().ToList();
        Assert.Equal([InteractionDirection.In, InteractionDirection.Out], messages.Select(m => m.Direction));
        Assert.All(messages, m => Assert.Equal("Ana Lopez", Assert.Single(m.Participants).Name));
        Assert.Contains(archive.IgnoredFiles, f => f.StartsWith("guide_messages.csv", StringComparison.Ordinal));
        Assert.Contains(archive.IgnoredFiles, f => f.StartsWith("Education.csv", StringComparison.Ordinal));
    }

    [Fact]
    public void Messages_WithoutProfile_TakeTheOwnerAsThePersonInTheMostConversations()
    {
        const string csv = "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER\n" +
            "a,,Ana,https://www.linkedin.com/in/ana,Me,https://www.linkedin.com/in/me,2024-03-15 09:30:00 UTC,,Hi,INBOX\n" +
            "b,,Me,https://www.linkedin.com/in/me,Bo,https://www.linkedin.com/in/bo,2024-03-16 09:30:00 UTC,,Hi,INBOX\n";
        using var archive = Open(csv, "messages.csv");
        var messages = archive.Messages().ToList();
        Assert.Equal([InteractionDirection.In, InteractionDirection.Out], messages.Select(m => m.Direction));
        Assert.Equal(["Ana", "Bo"], messages.Select(m => Assert.Single(m.Participants).Name));
    }

    [Fact]
    public void LegacyMessages_DecodeHtmlEntities_AndUseTheDirectionColumn()
    {
        const string csv = "From,To,Date,Subject,Content,Direction,Folder\n" +
            "Ana Silva,Me,\"10/16/18, 8:36 AM\",Hello,It&rsquo;s&nbsp;great &amp; fine,INCOMING,INBOX\n" +
            "Me,Ana Silva,\"10/16/18, 9:00 PM\",Re: Hello,Thanks,OUTGOING,SENT\n";
        using var archive = Open(csv, "Messages.csv");
        var messages = archive.Messages().ToList();
        Assert.Equal("It\u2019s great & fine", messages[0].Note);
        Assert.Equal(InteractionDirection.In, messages[0].Direction);
        Assert.Equal(new DateTime(2018, 10, 16, 8, 36, 0, DateTimeKind.Utc), messages[0].OccurredAtUtc);
        Assert.Equal(InteractionDirection.Out, messages[1].Direction);
        Assert.Equal("Ana Silva", Assert.Single(messages[1].Participants).Name);
    }

    [Theory]
    [InlineData("inviterProfileUrl,inviteeProfileUrl", "https://www.linkedin.com/in/ana", "https://www.linkedin.com/in/ana")]
    [InlineData("inviterProfileUrn,inviteeProfileUrn", "urn:li:person:abc", null)]
    public void Invitations_InBothVariants_BecomeSocialInteractions(string columns, string inviter, string? expectedUrl)
    {
        var csv = $"From,To,Sent At,Message,Direction,{columns}\nAna Silva,Me,\"6/17/23, 6:18 AM\",Hi!,INCOMING,{inviter},x\n";
        using var archive = Open(csv, "Invitations.csv");
        var invitation = Assert.Single(archive.Invitations());
        Assert.Equal(new DateTime(2023, 6, 17, 6, 18, 0, DateTimeKind.Utc), invitation.SentAtUtc);
        var interaction = invitation.ToInteraction();
        Assert.Equal(InteractionKind.Invitation, interaction.Kind);
        Assert.Equal(InteractionDirection.In, interaction.Direction);
        Assert.Equal(new ImportedParticipant(null, expectedUrl, "Ana Silva"), Assert.Single(interaction.Participants));
    }

    [Fact]
    public void Endorsements_ReceivedAndGiven_AreToldApartByHeader()
    {
        using var zip = Zip(
            ("Endorsement_Received_Info.csv", "Endorsement Date,Skill Name,Endorser First Name,Endorser Last Name,Endorser Public Url,Endorsement Status\n" +
                "2021/08/11 11:00:31 UTC,C#,Ana,Silva,www.linkedin.com/in/ana,ACCEPTED\n"),
            ("Endorsement_Given_Info.csv", "Endorsement Date,Skill Name,Endorsee First Name,Endorsee Last Name,Endorsee Public Url,Endorsement Status\n" +
                "2022/01/02 03:04:05 UTC,SQL,Bo,Li,www.linkedin.com/in/bo,ACCEPTED\n"));
        using var archive = LinkedInArchive.Open(zip, "export.zip");
        var all = archive.Endorsements().ToList();
        Assert.Equal(2, all.Count);
        var received = all.Single(e => !e.Given);
        Assert.Equal("https://www.linkedin.com/in/ana", received.ProfileUrl);
        Assert.Equal(new DateTime(2021, 8, 11, 11, 0, 31, DateTimeKind.Utc), received.AtUtc);
        Assert.Equal(InteractionDirection.In, received.ToInteraction().Direction);
        var given = all.Single(e => e.Given);
        Assert.Equal("SQL", given.ToInteraction().Note);
        Assert.Equal(InteractionDirection.Out, given.ToInteraction().Direction);
    }

    [Fact]
    public void Recommendations_ReceivedAndGiven_AreRead()
    {
        const string header = "First Name,Last Name,Company,Job Title,Text,Creation Date,Status\n";
        using var zip = Zip(
            ("Recommendations_Received.csv", header + "Ana,Silva,Globex,CTO,\"Great, really\",\"12/24/23, 05:28 AM\",VISIBLE\n"),
            ("Recommendations_Given.csv", header + "Bo,Li,Initech,Dev,Solid,\"01/02/24, 10:00 PM\",HIDDEN\n"));
        using var archive = LinkedInArchive.Open(zip, "export.zip");
        var all = archive.Recommendations().ToList();
        var received = all.Single(r => !r.Given);
        Assert.Equal(new DateTime(2023, 12, 24, 5, 28, 0, DateTimeKind.Utc), received.CreatedAtUtc);
        Assert.Equal("Great, really", received.Text);
        Assert.Equal(InteractionKind.Recommendation, received.ToInteraction()!.Kind);
        Assert.Equal("HIDDEN", all.Single(r => r.Given).Status);
    }

    [Fact]
    public void Positions_ReadMonthsAndYears_AndAnEmptyEndIsCurrent()
    {
        const string csv = "Company Name,Title,Description,Location,Started On,Finished On\nGlobex,CTO,,Lima,Nov 2022,\nInitech,Dev,\"a\nb\",,2015,Oct 2022\n";
        using var archive = Open(csv, "Positions.csv");
        var positions = archive.Positions().ToList();
        Assert.True(positions[0].IsCurrent);
        Assert.Equal(new DateOnly(2022, 11, 1), positions[0].StartedOn);
        Assert.Equal(new DateOnly(2015, 1, 1), positions[1].StartedOn);
        Assert.Equal(new DateOnly(2022, 10, 1), positions[1].FinishedOn);
    }

    [Fact]
    public void AnXlsxSavedAsCsv_IsRefusedClearly()
    {
        using var zip = Zip(("[Content_Types].xml", "<Types/>"), ("xl/workbook.xml", "<workbook/>"));
        var e = Assert.Throws<ImportFormatException>(() => LinkedInArchive.Open(zip, "Connections.csv"));
        Assert.Contains("xlsx", e.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("Connections.csv", e.File);
    }

    [Fact]
    public void AnUnknownCsv_IsRefusedWithTheExpectedHeaders()
    {
        var e = Assert.Throws<ImportFormatException>(() => Open("a,b,c\n1,2,3\n", "other.csv"));
        Assert.StartsWith("other.csv:1: expected a LinkedIn export CSV header", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnExtractedFolder_IsReadLikeTheZip()
    {
        var dir = Directory.CreateTempSubdirectory("linkedin-");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "Connections.csv"), "First Name,Last Name,URL,Email Address,Company,Position,Connected On\nAna,Silva,,,G,C,01 Jan 2024\n");
            var options = new ImportOptions();
            using var archive = LinkedInArchive.Open(dir.FullName, options);
            Assert.Equal("Ana Silva", Assert.Single(archive.Connections()).DisplayName);
            Assert.Equal(options.Progress.TotalBytes, options.Progress.BytesRead);
        }
        finally
        {
            dir.Delete(true);
        }
    }

    [Fact]
    public void AZipWithNoLinkedInCsv_IsRefused_AsNothingImportable()
    {
        using var junk = Zip(("readme.txt", "hello"), ("Education.csv", "School Name,Start Date,End Date,Notes,Degree Name,Activities\nX,2010,2014,,,\n"));
        var e = Assert.Throws<ImportFormatException>(() => LinkedInArchive.Open(junk, "junk.zip"));
        Assert.StartsWith("nothing importable found in junk.zip: expected a LinkedIn export holding Connections.csv, messages.csv, Invitations.csv", e.Message, StringComparison.Ordinal);
        Assert.EndsWith("; found 2 files, none of them one of these (first: Education.csv: not a file Rapport imports)", e.Message, StringComparison.Ordinal);
        Assert.Equal("junk.zip", e.File);

        using var empty = Zip();
        var none = Assert.Throws<ImportFormatException>(() => LinkedInArchive.Open(empty, "empty.zip"));
        Assert.EndsWith("; found no files at all", none.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnEmptyFolder_IsRefused_ButAHeaderOnlyConnectionsFileIsAnEmptyImport()
    {
        var dir = Directory.CreateTempSubdirectory("rapport-linkedin-empty-");
        try
        {
            var e = Assert.Throws<ImportFormatException>(() => LinkedInArchive.Open(dir.FullName));
            Assert.StartsWith($"nothing importable found in {dir.FullName}: expected a LinkedIn export holding", e.Message, StringComparison.Ordinal);

            File.WriteAllText(Path.Combine(dir.FullName, "Connections.csv"), "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n");
            using var archive = LinkedInArchive.Open(dir.FullName);
            Assert.Empty(archive.Connections());
        }
        finally
        {
            dir.Delete(true);
        }
    }

    internal static MemoryStream Zip(params (string Name, string Content)[] files)
    {
        var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in files)
            {
                using var s = zip.CreateEntry(name).Open();
                s.Write(Encoding.UTF8.GetBytes(content));
            }
        }
        ms.Position = 0;
        return ms;
    }
}

using Rapport.Formats.Mbox;
using Rapport.Formats.Records;

namespace Rapport.Formats.Tests.Mbox;

public class MboxReaderTest
{
    private static readonly ImportOptions Me = new() { OwnEmails = ["me@example.org"] };

    private static List<ImportedInteraction> Read(string mbox, ImportOptions? options = null) =>
        MboxReader.Read(TestStreams.Utf8(mbox), "t.mbox", options ?? Me).ToList();

    [Fact]
    public void Messages_AreSplitOnFromLines_AndEscapedBodyLinesAreNotSeparators()
    {
        var messages = Read(
            "From ana@example.com Tue Mar  5 10:00:00 2024\nFrom: \"Silva, Ana\" <ana@example.com>\nTo: me@example.org\nDate: Tue, 5 Mar 2024 10:00:00 +0100\nMessage-ID: <m1@example.com>\nSubject: Hi\n\nBody\n>From the body\n\n" +
            "From me@example.org Wed Mar  6 10:00:00 2024\nFrom: Me <me@example.org>\nTo: \"Silva, Ana\" <ana@example.com>, bo@example.com (Bo Li)\nCc: undisclosed-recipients:;\nDate: 6 Mar 24 10:00 PDT\n\nReply\n");
        Assert.Equal(2, messages.Count);
        Assert.Equal(InteractionDirection.In, messages[0].Direction);
        Assert.Equal(new DateTime(2024, 3, 5, 9, 0, 0, DateTimeKind.Utc), messages[0].OccurredAtUtc);
        Assert.Equal(new ImportedParticipant("ana@example.com", null, "Silva, Ana"), Assert.Single(messages[0].Participants));
        Assert.Equal("m1@example.com", messages[0].ExternalKey);
        Assert.Equal(InteractionDirection.Out, messages[1].Direction);
        Assert.Equal(new DateTime(2024, 3, 6, 17, 0, 0, DateTimeKind.Utc), messages[1].OccurredAtUtc);
        Assert.Equal([("ana@example.com", "Silva, Ana"), ("bo@example.com", "Bo Li")], messages[1].Participants.Select(p => (p.Email!, p.Name!)));
    }

    [Fact]
    public void EncodedWords_AreDecodedInNames_JoiningAdjacentWords()
    {
        var m = Assert.Single(Read("From x Tue Mar  5 10:00:00 2024\nFrom: =?UTF-8?Q?Jos=C3=A9_Garc=C3=ADa?= =?ISO-8859-1?B?/A==?= <jose@example.com>\nTo: me@example.org\nDate: Tue, 5 Mar 2024 10:00:00 +0000\nSubject: =?utf-8?B?w4lsw6k=?=\n\n"));
        Assert.Equal("José Garcíaü", m.Participants[0].Name);
        Assert.Equal("Élé", m.Subject);
    }

    [Fact]
    public void NewslettersAndNoReplySenders_AreLeftOut()
    {
        var options = Me with { Progress = new ImportProgress() };
        var messages = Read(
            "From a Tue Mar  5 10:00:00 2024\nFrom: news@shop.example\nList-Unsubscribe: <mailto:u@shop.example>\nDate: Tue, 5 Mar 2024 10:00:00 +0000\n\n" +
            "From b Tue Mar  5 10:00:00 2024\nFrom: Shop <no-reply@shop.example>\nDate: Tue, 5 Mar 2024 10:00:00 +0000\n\n" +
            "From c Tue Mar  5 10:00:00 2024\nFrom: list@x.example\nPrecedence: bulk\nDate: Tue, 5 Mar 2024 10:00:00 +0000\n\n", options);
        Assert.Empty(messages);
        Assert.Equal(3, options.Progress.Skipped);
    }

    [Fact]
    public void GmailSpamAndTrash_AreLeftOutLikeNewsletters_OtherLabelsAreKept()
    {
        var options = Me with { Progress = new ImportProgress() };
        var messages = Read(
            "From 1 Tue Mar  5 10:00:00 2024\nX-GM-THRID: 1\nX-Gmail-Labels: Spam,Category Promotions\nFrom: ana@example.com\nTo: me@example.org\nDate: Tue, 5 Mar 2024 10:00:00 +0000\n\n" +
            "From 2 Tue Mar  5 10:00:00 2024\nX-Gmail-Labels: Opened, trash\nFrom: bo@example.com\nTo: me@example.org\nDate: Tue, 5 Mar 2024 10:00:00 +0000\n\n" +
            "From 3 Tue Mar  5 10:00:00 2024\nX-Gmail-Labels: \"Spam, mine\",Inbox,Not Trash\nFrom: cy@example.com\nTo: me@example.org\nDate: Tue, 5 Mar 2024 10:00:00 +0000\n\n" +
            "From 4 Tue Mar  5 10:00:00 2024\nX-Gmail-Labels: Inbox,\n Important,Trash\nFrom: di@example.com\nTo: me@example.org\nDate: Tue, 5 Mar 2024 10:00:00 +0000\n\n", options);
        var kept = Assert.Single(messages);
        Assert.Equal("cy@example.com", Assert.Single(kept.Participants).Email);
        Assert.Equal(3, options.Progress.Skipped);
    }

    [Fact]
    public void AnInvalidDate_FallsBackToTheFromLine()
    {
        var m = Assert.Single(Read("From ana@example.com Tue Mar  5 10:00:00 2024\nFrom: ana@example.com\nDate: someday\nX-Gmail-Labels: Inbox,Chat\n\n"));
        Assert.Equal(new DateTime(2024, 3, 5, 10, 0, 0, DateTimeKind.Utc), m.OccurredAtUtc);
        Assert.Equal(InteractionChannel.Message, m.Channel);
        Assert.NotEmpty(m.Warnings);
    }

    [Fact]
    public void AFileNotStartingWithAFromLine_IsAFormatError()
    {
        var e = Assert.Throws<ImportFormatException>(() => Read("Subject: hi\n\nbody\n"));
        Assert.Equal("t.mbox:1:1: expected an mbox file starting with a \"From \" separator line, got \"Subject: hi\"", e.Message);
    }
}

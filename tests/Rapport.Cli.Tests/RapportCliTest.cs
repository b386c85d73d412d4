using System.Text.Json;
using Rapport.Data.Tests.Support;

namespace Rapport.Cli.Tests;

public class RapportCliTest
{
    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task ContactAdd_ThenShowJson_KeepsEveryField(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var cli = new CliRunner(db);
        var add = await cli.RunAsync("contact", "add", "--name", "Zoë Ångström-李", "--email", "zoe@example.org", "--email", "z@home.example",
            "--company", "Łódź Labs", "--title", "Head of Design", "--industry", "design", "--function", "design", "--seniority", "director",
            "--city", "São Paulo", "--country", "Brazil", "--category", "mentor", "--category", "alumni", "--kind", "alliance", "--trust", "3",
            "--closeness", "0.8", "--tag", "speaker", "--linkedin", "https://www.linkedin.com/in/zoe", "--key-player", "--birthday", "1990-05-17",
            "--known-since", "2019-03-01", "--how-we-met", "Web Summit panel", "--notes", "Loves typography 🎨", "--phone", "+55 11 5555 0000");
        Assert.Equal(0, add.ExitCode);
        Assert.Contains("Added Zoë Ångström-李", add.Out);

        var show = await cli.RunAsync("contact", "show", "zoe@example.org", "--json");
        Assert.Equal(0, show.ExitCode);
        var j = show.Json;
        Assert.Equal("Zoë Ångström-李", j.GetProperty("name").GetString());
        Assert.Equal(["zoe@example.org", "z@home.example"], j.GetProperty("emails").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("Łódź Labs", j.GetProperty("company").GetString());
        Assert.Equal("Head of Design", j.GetProperty("title").GetString());
        Assert.Equal("São Paulo", j.GetProperty("city").GetString());
        Assert.Equal(["alumni", "mentor"], j.GetProperty("categories").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("alliance", j.GetProperty("kind").GetString());
        Assert.Equal(3, j.GetProperty("trust").GetInt32());
        Assert.Equal(0.8, j.GetProperty("closeness").GetDouble());
        Assert.True(j.GetProperty("keyPlayer").GetBoolean());
        Assert.Equal("1990-05-17", j.GetProperty("birthday").GetString());
        Assert.Equal("Loves typography 🎨", j.GetProperty("notes").GetString());
        Assert.Equal("+55 11 5555 0000", j.GetProperty("phones")[0].GetString());
        Assert.Equal("2026-11-20T09:00:00Z", j.GetProperty("createdAt").GetString());
    }

    [Theory]
    [InlineData("contact", "add", "--name", "Bo", "--trust", "9")]
    [InlineData("contact", "add", "--name", "Bo", "--birthday", "2001-02-30")]
    [InlineData("contact", "add", "--name", "Bo", "--email", "not-an-email")]
    [InlineData("contact", "add", "--name", "Bo", "--kind", "enemy")]
    [InlineData("contact", "add", "--name", "Bo", "--closeness", "2")]
    [InlineData("contact", "add", "--trust", "1")]
    [InlineData("contact", "add", "--name", "Bo", "--trust", "high")]
    [InlineData("contact", "show", "nobody")]
    [InlineData("log", "nobody", "--channel", "call")]
    [InlineData("log", "Ana Silva", "--channel", "fax")]
    [InlineData("log", "Ana Silva", "--channel", "call", "--date", "2026-13-01")]
    [InlineData("give", "Ana Silva", "--kind", "money")]
    [InlineData("link", "Ana Silva", "Ana Silva")]
    [InlineData("intro", "Ana Silva")]
    [InlineData("intro", "Ana Silva", "Ana Silva")]
    [InlineData("intro", "Ana Silva", "--by", "Ana Silva")]
    [InlineData("intro", "Ana Silva", "nobody")]
    [InlineData("intro", "Ana Silva", "--by", "ana@x.org", "--date", "2026-02-30")]
    [InlineData("life-event", "Ana Silva", "--kind", "wedding")]
    [InlineData("no-such-command")]
    public async Task BadInput_ExitsWith2_SaysWhatWasWrong_AndWritesNothing(params string[] args)
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        var cli = new CliRunner(db);
        Assert.Equal(0, (await cli.RunAsync("contact", "add", "--name", "Ana Silva", "--email", "ana@x.org")).ExitCode);
        var before = (await cli.RunAsync("contact", "list", "--json")).Out;

        var r = await cli.RunAsync(args);

        Assert.Equal(2, r.ExitCode);
        Assert.StartsWith("error: ", r.Err);
        Assert.Equal(before, (await cli.RunAsync("contact", "list", "--json")).Out);
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task NamesWithCapitalLettersBeyondAToZ_AreFoundWhateverTheCase(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var cli = new CliRunner(db);
        Assert.Equal(0, (await cli.RunAsync("contact", "add", "--name", "Émile Zola", "--company", "Éditions Ørsted")).ExitCode);
        Assert.Equal(0, (await cli.RunAsync("contact", "add", "--name", "Örjan Åberg")).ExitCode);

        var show = await cli.RunAsync("contact", "show", "Émile Zola");
        Assert.Equal(0, show.ExitCode);
        Assert.Contains("Émile Zola", show.Out, StringComparison.Ordinal);
        Assert.Equal(0, (await cli.RunAsync("contact", "show", "örjan åberg")).ExitCode);
        Assert.Equal(0, (await cli.RunAsync("log", "ÉMILE ZOLA", "--channel", "call")).ExitCode);
        var search = await cli.RunAsync("contact", "list", "--search", "éditions ørsted");
        Assert.Contains("Émile Zola", search.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("Örjan", search.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APartOfAName_PrefersMatchesAtTheStartOfAWord()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        var cli = new CliRunner(db);
        await cli.RunAsync("contact", "add", "--name", "Dana Ruiz");
        await cli.RunAsync("contact", "add", "--name", "Ana Silva");

        var show = await cli.RunAsync("contact", "show", "ana");
        Assert.Equal(0, show.ExitCode);
        Assert.Contains("Ana Silva", show.Out, StringComparison.Ordinal);
        // Inside a word only: still found when nothing starts with it.
        Assert.Contains("Dana Ruiz", (await cli.RunAsync("contact", "show", "uiz")).Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportFormats_AreNamedAsTheHelpNamesThem_AndJsonPointsToRestore()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        var cli = new CliRunner(db);

        var unknown = await cli.RunAsync("import", "vcf", "x.vcf");
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("expected one of linkedin, google, outlook, vcard, ics, mbox, csv, auto", unknown.Err, StringComparison.Ordinal);
        var json = await cli.RunAsync("import", "json", "backup.json");
        Assert.Equal(2, json.ExitCode);
        Assert.Contains("rapport restore", json.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RevokingAFeedTwice_SaysItWasAlreadyRevoked()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        var first = new CliRunner(db, now: "2026-11-20T09:00:00Z");
        Assert.Equal(0, (await first.RunAsync("feed", "create", "--label", "phone")).ExitCode);
        Assert.Contains("Revoked feed #1", (await first.RunAsync("feed", "revoke", "1")).Out, StringComparison.Ordinal);

        var again = await new CliRunner(db, now: "2026-11-21T09:00:00Z").RunAsync("feed", "revoke", "1");

        Assert.Equal(0, again.ExitCode);
        Assert.Contains("was already revoked on 2026-11-20", again.Out, StringComparison.Ordinal);

        // On the running clock, a first revoke is a revoke.
        var stdout = new StringWriter();
        var env = new Dictionary<string, string?> { ["RAPPORT_DB"] = db.Target.FilePath };
        Assert.Equal(0, await RapportCli.RunAsync(["feed", "create", "--label", "tablet"], stdout, new StringWriter(), k => env.GetValueOrDefault(k)));
        Assert.Equal(0, await RapportCli.RunAsync(["feed", "revoke", "2"], stdout, new StringWriter(), k => env.GetValueOrDefault(k)));
        Assert.Contains("Revoked feed #2", stdout.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADatabasePathInAFolderThatDoesNotExist_IsAnError_NotANewEmptyDatabase()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"rapport-missing-{Guid.NewGuid():N}", "nested");
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var code = await RapportCli.RunAsync(["insights", "--db", Path.Combine(folder, "x.db")], stdout, stderr, _ => null);

        Assert.Equal(2, code);
        Assert.Contains($"the folder {folder} does not exist", stderr.ToString(), StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.GetDirectoryName(folder)));
    }

    [Fact]
    public async Task DuplicateEmail_ExitsWith2_NamingTheOwner()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        var cli = new CliRunner(db);
        await cli.RunAsync("contact", "add", "--name", "Ana Silva", "--email", "ana@x.org");
        var r = await cli.RunAsync("contact", "add", "--name", "Ana Two", "--email", "ANA@x.org");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("ana@x.org already belongs to Ana Silva", r.Err);
    }

    [Fact]
    public async Task Help_ExplainsEveryOptionOfEveryCommand()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        var cli = new CliRunner(db);
        var root = await cli.RunAsync("--help");
        Assert.Equal(0, root.ExitCode);
        foreach (var command in new[] { "serve", "demo", "contact", "log", "give", "ask", "link", "intro", "life-event" })
            Assert.Contains(command, root.Out);
        Assert.Contains("RAPPORT_NOW", root.Out);

        foreach (var path in new[] { "serve", "demo", "contact add", "contact list", "contact show", "contact edit", "log", "give", "ask", "link", "intro", "life-event" })
        {
            var help = await cli.RunAsync([.. path.Split(' '), "--help"]);
            Assert.Equal(0, help.ExitCode);
            // Every option line has a description after the option name.
            var optionLines = help.Out.Split('\n').SkipWhile(l => !l.StartsWith("Options:", StringComparison.Ordinal)).Skip(1)
                .TakeWhile(l => l.Length > 0 && l.StartsWith("  ", StringComparison.Ordinal)).ToList();
            Assert.NotEmpty(optionLines);
            Assert.All(optionLines.Where(l => l.TrimStart().StartsWith('-')), l => Assert.Matches(@"^\s+-\S.*\S\s{2,}\S", l));
        }
    }

    [Theory]
    [InlineData("who", "contact", "show", "nobody")]
    [InlineData("channel", "log", "Ana Silva", "--channel", "fax")]
    [InlineData("link", "link", "Ana Silva", "Ana Silva")]
    [InlineData("trust", "contact", "add", "--name", "Bo", "--trust", "9")]
    [InlineData(null, "contact", "add", "--name", "Bo", "--trust", "high")]
    [InlineData(null, "no-such-command")]
    public async Task BadInput_WithJson_IsOneJsonObjectOnStandardError_SayingWhatTheTextSays(string? field, params string[] args)
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        var cli = new CliRunner(db);
        Assert.Equal(0, (await cli.RunAsync("contact", "add", "--name", "Ana Silva", "--email", "ana@x.org")).ExitCode);
        var text = await cli.RunAsync(args);

        var r = await cli.RunAsync([.. args, "--json"]);

        Assert.Equal(2, r.ExitCode);
        Assert.Equal("", r.Out);
        var error = JsonDocument.Parse(r.Err).RootElement.GetProperty("error");
        Assert.Equal(2, error.GetProperty("exitCode").GetInt32());
        Assert.Equal(field, error.GetProperty("field").GetString());
        // The text's error lines, one message (a usage error can have several, joined by "; ").
        var said = text.Err.Split('\n', StringSplitOptions.TrimEntries).Where(l => l.StartsWith("error: ", StringComparison.Ordinal)).Select(l => l["error: ".Length..]);
        Assert.Equal(string.Join("; ", said), error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task AnAmbiguousName_WithJson_GivesTheCandidates()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        var cli = new CliRunner(db);
        var first = (await cli.RunAsync("contact", "add", "--name", "Ana Silva", "--json")).Json.GetProperty("id").GetInt64();
        var second = (await cli.RunAsync("contact", "add", "--name", "Ana Silva", "--company", "Globex", "--json")).Json.GetProperty("id").GetInt64();

        var ambiguous = JsonDocument.Parse((await cli.RunAsync("contact", "show", "Ana Silva", "--json")).Err).RootElement.GetProperty("error");
        Assert.Equal("who", ambiguous.GetProperty("field").GetString());
        Assert.Equal([first, second], ambiguous.GetProperty("candidates").EnumerateArray().Select(c => c.GetProperty("id").GetInt64()).Order());
        Assert.All(ambiguous.GetProperty("candidates").EnumerateArray(), c => Assert.StartsWith("Ana Silva", c.GetProperty("name").GetString(), StringComparison.Ordinal));

        var unknown = JsonDocument.Parse((await cli.RunAsync("contact", "show", "Nobody", "--json")).Err).RootElement.GetProperty("error");
        Assert.Equal("who: no contact is named 'Nobody'", unknown.GetProperty("message").GetString());
        Assert.Empty(unknown.GetProperty("candidates").EnumerateArray());
    }

    [Fact]
    public async Task LogGiveAskLinkAndLifeEvent_AreRecorded()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        var cli = new CliRunner(db);
        await cli.RunAsync("contact", "add", "--name", "Ana Silva");
        await cli.RunAsync("contact", "add", "--name", "Bo Chen");
        Assert.Equal(0, (await cli.RunAsync("log", "Ana Silva,Bo Chen", "--channel", "in-person", "--date", "2026-11-10", "--note", "Coffee")).ExitCode);
        Assert.Equal(0, (await cli.RunAsync("give", "Ana", "--kind", "introduction", "--note", "to our CTO")).ExitCode);
        Assert.Equal(0, (await cli.RunAsync("ask", "Bo", "--kind", "advice", "--status", "requested")).ExitCode);
        var link = await cli.RunAsync("link", "Ana", "Bo", "--kind", "colleague", "--strength", "0.6", "--json");
        Assert.Equal(0, link.ExitCode);
        Assert.Equal("colleague", link.Json.GetProperty("kind").GetString());
        Assert.True(link.Json.GetProperty("created").GetBoolean());
        // Linking the two again updates the one link, and says so.
        var again = await cli.RunAsync("link", "Bo", "Ana", "--kind", "friend");
        Assert.Equal(0, again.ExitCode);
        Assert.Matches(@"^Updated the link between #\d+ and #\d+ \(friend\)\.", again.Out);
        var third = await cli.RunAsync("link", "Ana", "Bo", "--json");
        Assert.False(third.Json.GetProperty("created").GetBoolean());
        Assert.Equal(link.Json.GetProperty("id").GetInt64(), third.Json.GetProperty("id").GetInt64());
        Assert.Equal(0.6, third.Json.GetProperty("strength").GetDouble());
        // What is left out is kept: the kind given last time stays.
        Assert.Equal("friend", third.Json.GetProperty("kind").GetString());
        var life = await cli.RunAsync("life-event", "Ana", "--kind", "new-job", "--date", "2026-11-15", "--note", "Now CTO at Orbit", "--json");
        Assert.Equal("new-job", life.Json.GetProperty("kind").GetString());
        var show = await cli.RunAsync("contact", "show", "Bo Chen", "--json");
        Assert.Equal("2026-11-10T12:00:00Z", show.Json.GetProperty("lastInteraction").GetString());
    }

    [Fact]
    public async Task Demo_ThenList_ShowsAFullNetwork()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        var cli = new CliRunner(db);
        var demo = await cli.RunAsync("demo", "--contacts", "120", "--seed", "3", "--json");
        Assert.Equal(0, demo.ExitCode);
        Assert.Equal(120, demo.Json.GetProperty("contacts").GetInt32());
        var list = await cli.RunAsync("contact", "list", "--json", "--city", "Berlin");
        Assert.All(list.Json.EnumerateArray(), c => Assert.Equal("Berlin", c.GetProperty("city").GetString()));
        Assert.True(list.Json.GetArrayLength() > 10);
        var search = await cli.RunAsync("contact", "list", "--search", "pricing", "--json");
        Assert.True(search.Json.GetArrayLength() > 0);
    }

    [Fact]
    public async Task RapportNow_ThatIsNotADate_IsBadInput()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        var r = await new CliRunner(db, now: "yesterday").RunAsync("contact", "list");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("RAPPORT_NOW", r.Err);
    }
}

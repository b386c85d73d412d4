using Microsoft.EntityFrameworkCore;
using System.Text.Json;
using Rapport.Data.Tests.Support;

namespace Rapport.Cli.Tests;

public class InsightsCliTest
{
    /// <summary>
    /// The demo, and a setting every tie strength is built with, leave what the insights start from kept (the strengths
    /// rebuilt, and the tables read, by the command that changed them): the next load reads no table.
    /// </summary>
    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task TheDemo_AndASettingTheStrengthsAreBuiltWith_LeaveTheInsightsReady(string provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await TestDatabase.CreateAsync(provider);
        var cli = new CliRunner(db);
        Assert.Equal(0, (await cli.RunAsync("demo", "--contacts", "150")).ExitCode);
        Assert.True(await ReadyAsync(db, ct));

        var budget = await cli.RunAsync("settings", "budget.touchpoints", "3");
        Assert.Equal(0, budget.ExitCode);
        Assert.Equal("", budget.Err);
        foreach (var args in new[] { new[] { "settings", "half-life.days", "120" }, ["settings", "weights.channel.call", "--reset"], ["settings", "half-life.days", "--reset"] })
        {
            var set = await cli.RunAsync(args);
            Assert.Equal(0, set.ExitCode);
            Assert.Equal(args[1] == "weights.channel.call" ? "" : "Rebuilding every contact's tie strength with the new setting…\n", set.Err.ReplaceLineEndings("\n"));
            Assert.StartsWith($"{args[1]} = ", set.Out, StringComparison.Ordinal);
            Assert.True(await ReadyAsync(db, ct), string.Join(' ', args));
        }
    }

    /// <summary>`rapport knows`: whom a contact knows by name, and whom Rapport infers they probably know, with why, as text and JSON.</summary>
    [Fact]
    public async Task Knows_ListsTheLinksAndWhomTheyProbablyKnow_WithWhy()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await TestDatabase.CreateAsync("sqlite");
        var cli = new CliRunner(db);
        Assert.Equal(0, (await cli.RunAsync("demo", "--contacts", "150")).ExitCode);
        App.Insights.InsightsNetwork network;
        await using (var ctx = new Data.Storage.RapportStore(db.Target).Open())
            network = await App.Insights.InsightsNetwork.LoadAsync(ctx, new DateTime(2026, 11, 20, 9, 0, 0, DateTimeKind.Utc), ct, keepInputs: false);
        var someone = network.Contacts.First(c => network.ProbablyKnowsOf(c.Id, 1).Total > 1);
        var expected = network.ProbablyKnowsOf(someone.Id, 2);

        var json = await cli.RunAsync("knows", someone.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "--limit", "2", "--json");
        Assert.Equal(0, json.ExitCode);
        Assert.Equal(someone.Name, json.Json.GetProperty("name").GetString());
        var probable = json.Json.GetProperty("probablyKnows");
        Assert.Equal(expected.Total, probable.GetProperty("total").GetInt32());
        Assert.Equal(expected.People.Select(a => (a.Id, a.Reason)),
            probable.GetProperty("people").EnumerateArray().Select(a => (a.GetProperty("id").GetInt64(), a.GetProperty("reason").GetString()!)));
        Assert.True(json.Json.GetProperty("knows").GetProperty("people").GetArrayLength() <= 2);

        var text = await cli.RunAsync("knows", someone.Name);
        Assert.Equal(0, text.ExitCode);
        Assert.Contains($"Probably knows, inferred by Rapport ({expected.Total} people, strongest first):", text.Out, StringComparison.Ordinal);
        Assert.Contains($"  {expected.People[0].Name} (#{expected.People[0].Id}, 0.30): {expected.People[0].Reason}", text.Out, StringComparison.Ordinal);

        var bad = await cli.RunAsync("knows", someone.Name, "--limit", "0");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("limit: expected 1 to 1000, got 0", bad.Err, StringComparison.Ordinal);
        Assert.Equal(2, (await cli.RunAsync("knows", "Nobody Whatsoever")).ExitCode);
    }

    // Whether a load now reads the inputs kept, with no row written since to patch them from (nothing kept by this read).
    private static async Task<bool> ReadyAsync(TestDatabase test, CancellationToken ct)
    {
        await using var db = new Data.Storage.RapportStore(test.Target).Open();
        var network = await App.Insights.InsightsNetwork.LoadAsync(db, new DateTime(2026, 11, 20, 9, 0, 0, DateTimeKind.Utc), ct, keepInputs: false);
        return network.FromKeptInputs && network.PatchedWrites == 0;
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Intro_LogsAnIntroduction_AndTheInsightsLinkThoseItNames(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var cli = new CliRunner(db);
        foreach (var name in new[] { "Bea Braun", "Ana Silva", "Cy Chen", "Dee Diaz" })
            Assert.Equal(0, (await cli.RunAsync("contact", "add", "--name", name)).ExitCode);
        Assert.Equal(0, (await cli.RunAsync("log", "Bea Braun", "--channel", "call", "--date", "2026-11-01")).ExitCode);
        Assert.Equal(0, (await cli.RunAsync("insights")).ExitCode);
        Assert.Equal("0", (await cli.RunAsync("insights", "--json")).Json.GetProperty("links").GetProperty("introduced").GetRawText());

        // Bea introduced Ana and Cy; then Dee was introduced to you by Ana.
        var first = await cli.RunAsync("intro", "Ana Silva", "Cy Chen", "--by", "Bea Braun", "--date", "2026-10-05", "--outcome", "coffee in Lisbon");
        Assert.Equal(0, first.ExitCode);
        Assert.Matches(@"^Logged: Bea Braun introduced Ana Silva to Cy Chen on 2026-10-05 \(#\d+\)\.", first.Out);
        var blank = await cli.RunAsync("intro", " ", "Cy Chen", "--by", "Bea Braun");
        Assert.Equal(2, blank.ExitCode);
        Assert.Contains("first person: name who was introduced", blank.Err);
        var second = await cli.RunAsync("intro", "Dee Diaz", "--by", "Ana Silva", "--json");
        Assert.Equal(0, second.ExitCode);
        Assert.Equal(JsonValueKind.Null, second.Json.GetProperty("personBId").ValueKind);
        Assert.Equal(JsonValueKind.Number, second.Json.GetProperty("introducerId").ValueKind);

        // Bea–Ana, Bea–Cy, Ana–Cy and Ana–Dee: links from logged introductions, the kept inputs patched with them.
        var json = await cli.RunAsync("insights", "--json");
        Assert.Equal("4", json.Json.GetProperty("links").GetProperty("introduced").GetRawText());
        var path = await cli.RunAsync("path", "Cy Chen");
        Assert.Equal(0, path.ExitCode);
        Assert.Contains("you → Bea Braun → Cy Chen", path.Out);

        // The Person page says whom each knows: Ana, linked by no stored link, knows everyone the introductions name with her.
        await using var context = new Rapport.Data.Storage.RapportStore(db.Target).Open();
        var ana = await context.Contacts.Where(c => c.DisplayName == "Ana Silva").Select(c => c.Id).SingleAsync();
        var profile = await Rapport.App.People.PersonQuery.LoadAsync(context, ana, TimeProvider.System, 10, default);
        Assert.Equal(["Bea Braun", "Cy Chen", "Dee Diaz"], profile!.Knows.Select(k => k.Name));

        // A contact added with who introduced you: linked to that contact as well, and reached through them.
        Assert.Equal(0, (await cli.RunAsync("contact", "add", "--name", "Eve Egan", "--introduced-by", "Bea Braun")).ExitCode);
        Assert.Equal("5", (await cli.RunAsync("insights", "--json")).Json.GetProperty("links").GetProperty("introduced").GetRawText());
        var toEve = await cli.RunAsync("path", "Eve Egan");
        Assert.Equal(0, toEve.ExitCode);
        Assert.Contains("you → Bea Braun → Eve Egan", toEve.Out);
        var eve = await context.Contacts.Where(c => c.DisplayName == "Eve Egan").Select(c => c.Id).SingleAsync();
        Assert.Equal(["Bea Braun"], (await Rapport.App.People.PersonQuery.LoadAsync(context, eve, TimeProvider.System, 10, default))!.Knows.Select(k => k.Name));
        var bea = await context.Contacts.Where(c => c.DisplayName == "Bea Braun").Select(c => c.Id).SingleAsync();
        Assert.Contains("Eve Egan", (await Rapport.App.People.PersonQuery.LoadAsync(context, bea, TimeProvider.System, 10, default))!.Knows.Select(k => k.Name));
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Insights_AndPath_PrintTextAndCamelCaseJson(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var cli = new CliRunner(db);
        await cli.RunAsync("contact", "add", "--name", "Bea Braun", "--company", "Globex", "--industry", "software", "--seniority", "vice-president");
        await cli.RunAsync("contact", "add", "--name", "Ana Silva", "--company", "Acme", "--title", "Lead Product Designer", "--industry", "design");
        for (var i = 0; i < 6; i++)
            Assert.Equal(0, (await cli.RunAsync("log", "Bea Braun", "--channel", "in-person", "--direction", "mutual", "--date", $"2026-{5 + i:D2}-10")).ExitCode);
        Assert.Equal(0, (await cli.RunAsync("link", "Bea Braun", "Ana Silva", "--strength", "0.8")).ExitCode);

        var text = await cli.RunAsync("insights");
        Assert.Equal(0, text.ExitCode);
        Assert.Contains("Insights for 2 contacts", text.Out);
        Assert.Contains("Health", text.Out);
        Assert.Contains("Diversity", text.Out);
        Assert.Contains("Structural holes", text.Out);
        Assert.Contains("Dormant ties worth reviving", text.Out);
        Assert.Contains("no events or communities yet", text.Out);
        // The constraint is said once, in the structural holes summary, not again at another precision.
        Assert.Contains("Constraint is ", text.Out, StringComparison.Ordinal);
        Assert.Equal(1, text.Out.Split("onstraint").Length - 1);

        var json = await cli.RunAsync("insights", "--json");
        Assert.Equal(0, json.ExitCode);
        Assert.Equal(2, json.Json.GetProperty("contacts").GetInt32());
        Assert.Equal(4, json.Json.GetProperty("health").GetProperty("shape").GetArrayLength());
        Assert.Equal("strong", json.Json.GetProperty("health").GetProperty("shape")[0].GetProperty("band").GetString());
        Assert.True(json.Json.TryGetProperty("jobLeads", out _));
        Assert.True(json.Json.TryGetProperty("structuralHoles", out _));
        var seniority = json.Json.GetProperty("diversity").GetProperty("dimensions").EnumerateArray().Single(d => d.GetProperty("dimension").GetString() == "seniority");
        var share = Assert.Single(seniority.GetProperty("shares").EnumerateArray());
        Assert.Equal("vice-president", share.GetProperty("value").GetString());
        Assert.Equal("1", share.GetProperty("contacts").GetRawText());

        var path = await cli.RunAsync("path", "Ana Silva");
        Assert.Equal(0, path.ExitCode);
        // DESIGN.md's flags: --hops (also --max-hops) and --top.
        var one = await cli.RunAsync("path", "Ana Silva", "--hops", "2", "--top", "1", "--json");
        Assert.Equal(0, one.ExitCode);
        Assert.Equal((2, 1), (one.Json.GetProperty("maxHops").GetInt32(), one.Json.GetProperty("paths").GetArrayLength()));
        Assert.Equal(2, (await cli.RunAsync("path", "Ana Silva", "--top", "11")).ExitCode);
        Assert.Equal(0, (await cli.RunAsync("path", "Ana Silva", "--max-hops", "2")).ExitCode);
        Assert.Contains("you → Bea Braun → Ana Silva", path.Out);
        Assert.Contains("Bea Braun → Ana Silva #", path.Out);
        // Bea's last touch was weeks ago against a weekly cadence: the message reconnects first and leaves the ask for later.
        Assert.Contains("Reconnect first: you have not been in touch with Bea Braun", path.Out);
        Assert.Contains("ask for the introduction to Ana Silva once you are back in touch", path.Out);
        Assert.Contains("Write to Bea Braun: \"Catching up\"", path.Out);
        Assert.DoesNotContain("Introduction to Ana Silva?", path.Out);
        var byHash = await cli.RunAsync("path", path.Out.Split("Ana Silva #")[1].Split(':')[0] is var id ? $"#{id}" : "");
        Assert.Equal(0, byHash.ExitCode);
        Assert.Contains("Warm paths to Ana Silva (person)", byHash.Out);

        var pathJson = await cli.RunAsync("path", "Acme", "--json", "--max-hops", "2");
        Assert.Equal(0, pathJson.ExitCode);
        Assert.Equal("company", pathJson.Json.GetProperty("targetKind").GetString());
        var first = pathJson.Json.GetProperty("paths")[0];
        Assert.Equal(1, first.GetProperty("rank").GetInt32());
        Assert.Equal(0.8, first.GetProperty("hops")[1].GetProperty("strength").GetDouble(), 3);
        Assert.Equal("Bea Braun", first.GetProperty("ask").GetProperty("toName").GetString());

        Assert.Equal(2, (await cli.RunAsync("path", "Ana Silva", "--max-hops", "9")).ExitCode);
        Assert.Equal(2, (await cli.RunAsync("path", "Ana Silva", "--kind", "planet")).ExitCode);
        var missing = await cli.RunAsync("path", "Nobody Here");
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("no contact, company or role matches 'Nobody Here'", missing.Err);
    }
}

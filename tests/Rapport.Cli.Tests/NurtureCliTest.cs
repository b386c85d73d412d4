using Rapport.Data.Tests.Support;

namespace Rapport.Cli.Tests;

/// <summary>The nurture commands as a user types them: the plan, acting on it, settings, goals, invitations, trips, reminders.</summary>
public class NurtureCliTest
{
    private const string Monday = "2026-11-23T08:00:00Z";

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Week_ThenDone_LogsIt_AndContactShow_CarriesTheStanding(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var cli = new CliRunner(db, Monday);
        Assert.Equal(0, (await cli.RunAsync("demo", "--contacts", "200")).ExitCode);

        var week = await cli.RunAsync("week", "--json");
        Assert.Equal(0, week.ExitCode);
        var items = week.Json.GetProperty("items").EnumerateArray().ToList();
        Assert.NotEmpty(items);
        var budget = week.Json.GetProperty("budget");
        Assert.True(items.Count <= budget.GetProperty("touchpoints").GetInt32());
        Assert.True(items.Sum(i => i.GetProperty("effortMinutes").GetInt32()) <= budget.GetProperty("minutes").GetInt32());
        foreach (var i in items)
        {
            foreach (var field in new[] { "id", "contact", "action", "reason", "draft", "day" })
                Assert.False(string.IsNullOrWhiteSpace(i.GetProperty(field).ToString()), field);
            Assert.True(i.GetProperty("priority").GetDouble() > 0);
        }

        var today = await cli.RunAsync("today");
        Assert.Equal(0, today.ExitCode);
        Assert.Contains("Today, Monday 23 November 2026", today.Out, StringComparison.Ordinal);
        var first = (await cli.RunAsync("today", "--json")).Json.GetProperty("items")[0];
        var id = first.GetProperty("id").GetString()!;
        var contactId = first.GetProperty("contactId").GetInt64();
        Assert.Contains($"[{id}]", today.Out, StringComparison.Ordinal);

        var done = await cli.RunAsync("done", id, "--channel", "call", "--note", "Caught up", "--json");
        Assert.Equal(0, done.ExitCode);
        Assert.Equal(contactId, done.Json.GetProperty("contactId").GetInt64());
        Assert.Equal(Monday, done.Json.GetProperty("standing").GetProperty("lastInteraction").GetString());

        var show = await cli.RunAsync("contact", "show", contactId.ToString(System.Globalization.CultureInfo.InvariantCulture), "--json");
        var j = show.Json;
        Assert.Equal(Monday, j.GetProperty("lastInteraction").GetString());
        Assert.InRange(j.GetProperty("strength").GetDouble(), 0.0, 1.0);
        Assert.Contains(j.GetProperty("label").GetString(), new[] { "strong", "medium", "weak", "dormant", "long-dormant" });
        Assert.Contains(j.GetProperty("tier").GetString(), new[] { "inner", "close", "active", "network", "acquaintance" });
        Assert.True(DateTime.Parse(j.GetProperty("nextDue").GetString()!, System.Globalization.CultureInfo.InvariantCulture) > DateTime.Parse(Monday, System.Globalization.CultureInfo.InvariantCulture).ToUniversalTime());
        Assert.Equal(System.Text.Json.JsonValueKind.Number, j.GetProperty("reciprocity").ValueKind);
        Assert.Equal(System.Text.Json.JsonValueKind.Number, j.GetProperty("giveAskBalance").ValueKind);
        Assert.NotEmpty(j.GetProperty("standing").GetProperty("why").EnumerateArray());

        var text = await cli.RunAsync("contact", "show", contactId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains("Strength:", text.Out, StringComparison.Ordinal);
        Assert.Contains("Why:", text.Out, StringComparison.Ordinal);

        var again = await cli.RunAsync("done", id);
        Assert.Equal(2, again.ExitCode);
        Assert.Contains("error: id:", again.Err, StringComparison.Ordinal);

        var strongest = await cli.RunAsync("contact", "list", "--tier", "inner", "--json");
        var strengths = strongest.Json.EnumerateArray().Select(r => r.GetProperty("strength").GetDouble()).ToList();
        Assert.NotEmpty(strengths);
        Assert.Equal(strengths.OrderByDescending(x => x), strengths);
        Assert.All(strongest.Json.EnumerateArray(), r => Assert.Equal("inner", r.GetProperty("tier").GetString()));
    }

    [Fact]
    public async Task SnoozeSkipAndSettings_ChangeWhatThePlanShows()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        var cli = new CliRunner(db, Monday);
        await cli.RunAsync("demo", "--contacts", "150");
        var items = (await cli.RunAsync("today", "--json")).Json.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!).ToList();
        Assert.True(items.Count >= 2);

        var snooze = await cli.RunAsync("snooze", items[0], "--days", "3");
        Assert.Equal(0, snooze.ExitCode);
        Assert.Contains("until 2026-11-26", snooze.Out, StringComparison.Ordinal);
        Assert.Equal(0, (await cli.RunAsync("skip", items[1])).ExitCode);
        var after = (await cli.RunAsync("today", "--json")).Json.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()).ToList();
        Assert.DoesNotContain(items[0], after);
        Assert.DoesNotContain(items[1], after);
        Assert.Equal(2, (await cli.RunAsync("snooze", items[0], "--days", "0")).ExitCode);

        Assert.Equal(0, (await cli.RunAsync("settings", "budget.touchpoints", "2")).ExitCode);
        var one = await cli.RunAsync("settings", "budget.touchpoints", "--json");
        Assert.Equal("2", one.Json[0].GetProperty("value").GetString());
        Assert.Equal("10", one.Json[0].GetProperty("default").GetString());
        Assert.True((await cli.RunAsync("week", "--json")).Json.GetProperty("items").GetArrayLength() <= 2);

        var bad = await cli.RunAsync("settings", "quiet-days", "funday");
        Assert.Equal(2, bad.ExitCode);
        Assert.StartsWith("error: quiet-days:", bad.Err, StringComparison.Ordinal);
        Assert.Equal(2, (await cli.RunAsync("settings", "no.such.key", "1")).ExitCode);

        var all = await cli.RunAsync("settings");
        Assert.Contains("budget.touchpoints = 2   (default 10)", all.Out, StringComparison.Ordinal);
        Assert.Contains("cadence.inner = 7", all.Out, StringComparison.Ordinal);
        Assert.Equal(0, (await cli.RunAsync("settings", "budget.touchpoints", "--reset")).ExitCode);
        Assert.Contains("budget.touchpoints = 10", (await cli.RunAsync("settings", "budget.touchpoints")).Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GoalInvitationTripAndReminder_FromTheCommandLine()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        var cli = new CliRunner(db, Monday);
        await cli.RunAsync("contact", "add", "--name", "Mia Mentor", "--email", "mia@example.org", "--title", "Head of Product", "--category", "mentor", "--city", "Lisbon");
        await cli.RunAsync("log", "mia@example.org", "--channel", "call", "--date", "2026-10-01");

        var goal = await cli.RunAsync("goal", "add", "Find mentors in product", "--kind", "find-mentors", "--role", "Head of Product", "--relation", "mentor", "--target", "2", "--contact", "mia@example.org");
        Assert.Equal(0, goal.ExitCode);
        Assert.Contains("1 of 2 mentors in Head of Product identified", goal.Out, StringComparison.Ordinal);
        Assert.Contains("Find mentors in product", (await cli.RunAsync("goal", "list")).Out, StringComparison.Ordinal);
        var show = await cli.RunAsync("goal", "show", "mentors", "--json");
        Assert.Equal("Mia Mentor", show.Json.GetProperty("contacts")[0].GetProperty("name").GetString());

        var inv = await cli.RunAsync("invitation", "add", "Product dinner", "--at", "2026-11-26T19:00", "--minutes", "45", "--attendee", "mia@example.org", "--json");
        Assert.Equal(0, inv.ExitCode);
        Assert.Equal("accept", inv.Json.GetProperty("suggestion").GetString());
        var invId = inv.Json.GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains("suggest accept", (await cli.RunAsync("invitation", "list")).Out, StringComparison.Ordinal);
        var decided = await cli.RunAsync("invitation", "decide", invId, "decline", "--reason", "family dinner");
        Assert.Equal(0, decided.ExitCode);
        Assert.Contains("declined. family dinner", decided.Out, StringComparison.Ordinal);
        Assert.Contains("No pending invitations", (await cli.RunAsync("invitation", "list")).Out, StringComparison.Ordinal);

        Assert.Equal(0, (await cli.RunAsync("trip", "add", "Lisbon", "--from", "2026-11-25", "--to", "2026-11-27")).ExitCode);
        Assert.Equal(0, (await cli.RunAsync("reminder", "add", "mia@example.org", "--due", "2026-11-24", "--note", "send the deck")).ExitCode);
        var week = (await cli.RunAsync("week", "--json")).Json.GetProperty("items").EnumerateArray().ToList();
        var mia = Assert.Single(week);  // one item per contact: the most specific trigger, naming the others
        Assert.Contains(mia.GetProperty("action").GetString(), new[] { "in-town", "follow-up" });

        Assert.Equal(2, (await cli.RunAsync("trip", "add", "Lisbon", "--from", "2026-11-30", "--to", "2026-11-27")).ExitCode);
        Assert.Equal(2, (await cli.RunAsync("reminder", "add", "nobody@example.org", "--due", "2026-11-24")).ExitCode);
        Assert.Equal(2, (await cli.RunAsync("goal", "add", "x", "--relation", "boss")).ExitCode);
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Rapport.Data.Tests.Support;
using Rapport.Web;

namespace Rapport.Cli.Tests;

/// <summary>/api/v1/plan over HTTP: the same plan as `rapport today --json`, and done, snooze and skip.</summary>
public class PlanApiTest
{
    private const string Monday = "2026-11-23T08:00:00Z";

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task ThePlan_IsTheCommandLinesPlan_AndItsItemsCanBeDoneSnoozedAndSkipped(string provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await TestDatabase.CreateAsync(provider);
        var cli = new CliRunner(db, Monday);
        Assert.Equal(0, (await cli.RunAsync("demo", "--contacts", "200")).ExitCode);
        var port = Loopback.FreePort();
        await using var app = RapportWebHost.Build(new WebOptions(db.Target, new FixedClock(DateTime.Parse(Monday, System.Globalization.CultureInfo.InvariantCulture).ToUniversalTime())) { Urls = $"http://127.0.0.1:{port}" });
        await app.StartAsync(ct);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };

        foreach (var (query, command) in new[] { ("", "today"), ("?week=true", "week") })
        {
            var api = JsonDocument.Parse(await http.GetStringAsync("/api/v1/plan" + query, ct)).RootElement;
            var fromCli = (await cli.RunAsync(command, "--json")).Json;
            Assert.Equal(fromCli.GetProperty("date").GetString(), api.GetProperty("date").GetString());
            Assert.Equal(Ids(fromCli), Ids(api));
            Assert.Equal(Fields(fromCli.GetProperty("budget")), Fields(api.GetProperty("budget")));
            Assert.NotEmpty(Ids(api));
        }

        var items = JsonDocument.Parse(await http.GetStringAsync("/api/v1/plan?week=true", ct)).RootElement.GetProperty("items").EnumerateArray().ToList();
        var (first, second, third) = (items[0].GetProperty("id").GetString()!, items[1].GetProperty("id").GetString()!, items[2].GetProperty("id").GetString()!);
        var done = await http.PostAsJsonAsync($"/api/v1/plan/{first}/done", new { channel = "call", note = "Caught up" }, ct);
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        var d = JsonDocument.Parse(await done.Content.ReadAsStringAsync(ct)).RootElement;
        Assert.Equal(items[0].GetProperty("contactId").GetInt64(), d.GetProperty("contactId").GetInt64());
        Assert.True(d.GetProperty("interactionId").GetInt64() > 0);
        Assert.Equal(Monday, (await cli.RunAsync("contact", "show", d.GetProperty("contactId").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture), "--json")).Json.GetProperty("lastInteraction").GetString());

        var snoozed = JsonDocument.Parse(await (await http.PostAsync($"/api/v1/plan/{second}/snooze?days=3", null, ct)).Content.ReadAsStringAsync(ct)).RootElement;
        Assert.StartsWith("2026-11-26", snoozed.GetProperty("snoozedUntil").GetString(), StringComparison.Ordinal);
        Assert.True(JsonDocument.Parse(await (await http.PostAsync($"/api/v1/plan/{third}/skip", null, ct)).Content.ReadAsStringAsync(ct)).RootElement.GetProperty("skipped").GetBoolean());
        var after = JsonDocument.Parse(await http.GetStringAsync("/api/v1/plan?week=true", ct)).RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.DoesNotContain(after, i => i.GetProperty("id").GetString() == first);
        // The snoozed item comes back on the day its snooze ends, within this week.
        Assert.All(after.Where(i => i.GetProperty("id").GetString() == second), i => Assert.True(string.CompareOrdinal(i.GetProperty("day").GetString(), "2026-11-26") >= 0));

        // An item done is no longer in the plan, nor is one that never was: 404, naming the id; a bad value stays a 400.
        var again = await http.PostAsync($"/api/v1/plan/{first}/done", null, ct);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Contains(first!, JsonDocument.Parse(await again.Content.ReadAsStringAsync(ct)).RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        foreach (var action in new[] { "done", "snooze", "skip" })
            Assert.Equal(HttpStatusCode.NotFound, (await http.PostAsync($"/api/v1/plan/no-such-item/{action}", null, ct)).StatusCode);
        var badDays = await http.PostAsync($"/api/v1/plan/{third}/snooze?days=0", null, ct);
        Assert.Equal(HttpStatusCode.BadRequest, badDays.StatusCode);
        Assert.True(JsonDocument.Parse(await badDays.Content.ReadAsStringAsync(ct)).RootElement.GetProperty("errors").TryGetProperty("days", out _));
        await app.StopAsync(ct);
    }

    private static string[] Fields(JsonElement o) => [.. o.EnumerateObject().Select(p => $"{p.Name}={p.Value}")];

    private static string[] Ids(JsonElement plan) => [.. plan.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!)];
}

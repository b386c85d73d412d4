using System.Net;
using System.Text.Json;
using Rapport.Data.Tests.Support;
using Rapport.Web;

namespace Rapport.Cli.Tests;

public class InsightsPageTest
{
    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task InsightsPage_ShowsTheTablesWithoutScript_ServesItsLibraries_AndTheGraphApi(string provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await TestDatabase.CreateAsync(provider);
        var cli = new CliRunner(db);
        await cli.RunAsync("contact", "add", "--name", "Bea Braun", "--company", "Globex", "--industry", "software", "--seniority", "vice-president");
        await cli.RunAsync("contact", "add", "--name", "Ana Silva", "--company", "Acme & Co", "--title", "Lead Product Designer", "--industry", "design");
        for (var i = 0; i < 4; i++) await cli.RunAsync("log", "Bea Braun", "--channel", "call", "--direction", "mutual", "--date", $"2026-{6 + i:D2}-02");
        await cli.RunAsync("link", "Bea Braun", "Ana Silva", "--strength", "0.7");
        var port = Loopback.FreePort();
        await using var app = RapportWebHost.Build(new WebOptions(db.Target, new TestClock(new DateTime(2026, 11, 20, 9, 0, 0, DateTimeKind.Utc))) { Urls = $"http://127.0.0.1:{port}" });
        await app.StartAsync(ct);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };

        var response = await http.GetAsync("/insights", ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync(ct);
        foreach (var caption in new[] { "Your ties by strength", "Against the target shape", "Tiers against their capacity", "Blau index", "Brokerage over your", "Ties to activate for opportunities" })
            Assert.Contains(caption, page);
        Assert.Contains("No events or communities yet", page); // sentences, not empty tables
        Assert.Contains("None: no tie that was once close", page);
        Assert.Contains("<table>", page);
        Assert.Contains("id=\"insights-data\"", page);
        Assert.Contains("/lib/cytoscape.min.js?v=", page);
        Assert.Contains("/lib/chart.umd.min.js?v=", page);
        Assert.Contains("vice-president", page); // the command line's word, not the C# name
        Assert.DoesNotContain("VicePresident", page);

        var paths = await http.GetStringAsync("/insights?to=Ana%20Silva", ct);
        Assert.Contains("Warm paths to Ana Silva", paths);
        Assert.Contains("You → Bea Braun → Ana Silva", paths);
        // Bea is past the no-ask lapse: the page says to reconnect first, in plain words, and the draft only catches up.
        Assert.Contains("Reconnect first: you have not been in touch with Bea Braun", paths);
        Assert.Contains("Write to Bea Braun for path 1", paths);
        var unknown = await http.GetStringAsync("/insights?to=Nobody%20Known", ct);
        Assert.Contains("role=\"alert\"", unknown);

        foreach (var asset in new[] { "/lib/cytoscape.min.js", "/lib/chart.umd.min.js", "/js/insights.js", "/css/insights.css" })
        {
            var r = await http.GetAsync(asset, ct);
            Assert.True(r.StatusCode == HttpStatusCode.OK, $"{asset}: {r.StatusCode}");
            Assert.True((await r.Content.ReadAsByteArrayAsync(ct)).Length > 100, asset);
        }

        using var graph = JsonDocument.Parse(await http.GetStringAsync("/api/v1/insights/graph", ct));
        var nodes = graph.RootElement.GetProperty("nodes");
        Assert.Equal(2, nodes.GetArrayLength());
        Assert.Equal("Bea Braun", nodes[0].GetProperty("name").GetString());
        Assert.Equal("inner", nodes[0].GetProperty("tier").GetString());
        Assert.Equal(1, graph.RootElement.GetProperty("edges").GetArrayLength());
        Assert.False(graph.RootElement.GetProperty("edges")[0].GetProperty("inferred").GetBoolean());
        Assert.Equal(HttpStatusCode.BadRequest, (await http.GetAsync("/api/v1/insights/graph?limit=0", ct)).StatusCode);
        using var report = JsonDocument.Parse(await http.GetStringAsync("/api/v1/insights", ct));
        Assert.Equal(2, report.RootElement.GetProperty("contacts").GetInt32());
        var seniority = report.RootElement.GetProperty("diversity").GetProperty("dimensions").EnumerateArray().Single(d => d.GetProperty("dimension").GetString() == "seniority");
        var share = Assert.Single(seniority.GetProperty("shares").EnumerateArray());
        Assert.Equal("vice-president", share.GetProperty("value").GetString());
        Assert.Equal("1", share.GetProperty("contacts").GetRawText()); // a count, written as an integer
        // A name that matches two people offers both as links, without the field's prefix.
        Assert.Equal(0, (await cli.RunAsync("contact", "add", "--name", "Bea Brandt")).ExitCode);
        var ambiguous = await http.GetStringAsync("/insights?to=Bea#paths", ct);
        Assert.Contains("&#x27;Bea&#x27; matches several contacts", ambiguous);
        Assert.DoesNotContain("target: &#x27;Bea", ambiguous);
        Assert.Matches(@"<a href=""/insights\?to=%23\d+#paths"">Bea Brandt</a>", ambiguous);
        using var api = JsonDocument.Parse(await http.GetStringAsync("/api/v1/insights/paths?to=Acme%20%26%20Co", ct));
        Assert.Equal("company", api.RootElement.GetProperty("targetKind").GetString());
        await app.StopAsync(ct);
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task InsightsPage_OnAnEmptyDatabase_SaysSoInsteadOfShowingEmptyTables(string provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await TestDatabase.CreateAsync(provider);
        Assert.Equal(0, (await new CliRunner(db).RunAsync("contact", "list")).ExitCode); // creates the schema, adds nothing
        var port = Loopback.FreePort();
        await using var app = RapportWebHost.Build(new WebOptions(db.Target, new TestClock(new DateTime(2026, 11, 20, 9, 0, 0, DateTimeKind.Utc))) { Urls = $"http://127.0.0.1:{port}" });
        await app.StartAsync(ct);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };

        var page = await http.GetStringAsync("/insights", ct);

        Assert.Contains("No events or communities yet", page);
        Assert.Contains("None yet: job leads are", page);
        Assert.Contains("None: no tie that was once close", page);
        foreach (var caption in new[] { "Communities: lasting relationships", "Big events against small ones", "Events where you met people", "Ties to activate for opportunities", "Dormant ties, highest reconnect priority first" })
            Assert.DoesNotContain(caption, page);
        await app.StopAsync(ct);
    }
}

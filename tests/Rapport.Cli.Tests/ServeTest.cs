using System.Net;
using Rapport.Data.Storage;
using Rapport.Data.Tests.Support;
using Rapport.Web;

namespace Rapport.Cli.Tests;

public class ServeTest
{
    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Serve_AnswersHealth_AndListsContactsOnTheFirstPage(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var cli = new CliRunner(db);
        await cli.RunAsync("contact", "add", "--name", "Zoë Ångström", "--company", "Łódź Labs");
        var port = Loopback.FreePort();
        await using var app = RapportWebHost.Build(new WebOptions(db.Target, TimeProvider.System) { Urls = $"http://127.0.0.1:{port}" });
        await app.StartAsync(TestContext.Current.CancellationToken);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };

        var health = await http.GetAsync("/health", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Contains("\"status\":\"ok\"", await health.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var page = await http.GetStringAsync("/people", TestContext.Current.CancellationToken);
        Assert.Contains("Zoë Ångström", page);
        Assert.Contains("Łódź Labs", page);
        var css = await http.GetAsync("/css/site.css", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.Equal("text/css", css.Content.Headers.ContentType?.MediaType);
        Assert.Contains("site.css?v=", page);
        var api = await http.GetStringAsync("/api/v1/contacts", TestContext.Current.CancellationToken);
        Assert.Contains("Zoë Ångström", api);
        await app.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task PersonPage_ShowsTheStrengthWithItsWhy()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        var cli = new CliRunner(db);
        await cli.RunAsync("contact", "add", "--name", "Ada Byron", "--email", "ada@example.org");
        await cli.RunAsync("log", "ada@example.org", "--channel", "call", "--date", "2026-11-01");
        var id = (await cli.RunAsync("contact", "show", "ada@example.org", "--json")).Json.GetProperty("id").GetInt64();
        var port = Loopback.FreePort();
        await using var app = RapportWebHost.Build(new WebOptions(db.Target, new FixedClock(new DateTime(2026, 11, 20, 9, 0, 0, DateTimeKind.Utc))) { Urls = $"http://127.0.0.1:{port}" });
        await app.StartAsync(TestContext.Current.CancellationToken);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };

        var page = await http.GetStringAsync($"/people/{id}", TestContext.Current.CancellationToken);
        Assert.Contains("Why this strength", page);
        Assert.Contains("frequency", page);
        Assert.Contains("1 touch, last 18 days ago", page.Replace("\n", " ", StringComparison.Ordinal), StringComparison.Ordinal);
        await app.StopAsync(TestContext.Current.CancellationToken);
    }
}

using System.Net;
using System.Net.Sockets;
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
        var port = FreePort();
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

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }
}

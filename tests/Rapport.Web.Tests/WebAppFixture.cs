using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.Playwright;
using Rapport.App.Demo;
using Rapport.Data.Storage;
using Rapport.Data.Tests.Support;
using Rapport.Web;

[assembly: AssemblyFixture(typeof(Rapport.Web.Tests.WebAppFixture))]
[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace Rapport.Web.Tests;

/// <summary>A clock stopped at one instant, so the demo network and the plan are the same on every run.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

/// <summary>
/// The real app (RapportWebHost) on a free loopback port over a temporary SQLite file filled with the demo network,
/// and Debian's Chromium driven headless by Playwright. A missing Chromium fails the tests: it is never a skip.
/// </summary>
public sealed class WebAppFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";
    public static readonly DateTimeOffset Now = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);

    private TestDatabase? _db;
    private WebApplication? _app;
    private IPlaywright? _playwright;

    public string BaseUrl { get; private set; } = "";
    public IBrowser Browser { get; private set; } = null!;
    public RapportStore Store { get; private set; } = null!;
    public TimeProvider Clock { get; } = new FixedClock(Now);

    /// <summary>Where screenshots go: $RAPPORT_SCREENSHOTS, else a screenshots folder beside the test assembly.</summary>
    public static string ScreenshotDir =>
        Environment.GetEnvironmentVariable("RAPPORT_SCREENSHOTS") is { Length: > 0 } d ? d : Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"Chromium is needed for the browser tests at {ChromiumPath}: apt-get install chromium (test.sh does it).");
        _db = await TestDatabase.CreateAsync("sqlite");
        Store = await _db.MigratedStoreAsync(Clock);
        await new DemoWriter(Store, Clock).WriteAsync(new DemoOptions(Contacts: 300, Seed: 7), null, CancellationToken.None);
        var port = FreePort();
        BaseUrl = $"http://127.0.0.1:{port}";
        _app = RapportWebHost.Build(new WebOptions(_db.Target, Clock) { Urls = BaseUrl });
        await _app.StartAsync();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath, Headless = true, Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
        });
        Directory.CreateDirectory(ScreenshotDir);
    }

    /// <summary>A fresh browser page (its own cookies) at the given width, on this app or on the one at <paramref name="baseUrl"/>.</summary>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900, string? baseUrl = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl ?? BaseUrl, ViewportSize = new ViewportSize { Width = width, Height = height }, Locale = "en-US",
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    /// <summary>
    /// The address of a person found by <paramref name="query"/> who is not on this week's plan, so that a test writing to
    /// them leaves the plan the other tests read as it was.
    /// </summary>
    public static async Task<string> PersonOffThePlanAsync(IPage page, string query, int skip = 0)
    {
        await page.GotoAsync("/");
        var planned = (await page.Locator("main a[href^='/people/']").EvaluateAllAsync<string[]>("as => as.map(a => a.getAttribute('href'))")).ToHashSet();
        await page.GotoAsync("/people?q=" + Uri.EscapeDataString(query));
        var listed = await page.Locator("main table tbody a[href^='/people/']").EvaluateAllAsync<string[]>("as => as.map(a => a.getAttribute('href'))");
        return listed.Where(h => !planned.Contains(h)).Skip(skip).First();
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        if (_db is not null) await _db.DisposeAsync();
    }

    internal static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }
}

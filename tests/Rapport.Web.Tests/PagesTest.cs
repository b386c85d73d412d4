using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Rapport.Web.Tests;

/// <summary>Every main page: loads, has no serious or critical axe-core violation, fits 390 px, and leaves a screenshot.</summary>
public class PagesTest(WebAppFixture app)
{
    public static readonly TheoryData<string, string> MainPages = new()
    {
        { "today", "/" },
        { "people", "/people" },
        { "organizations", "/organizations" },
        { "events", "/events" },
        { "opportunities", "/opportunities" },
        { "capture", "/capture" },
        { "trash", "/trash" },
        { "goals", "/goals" },
        { "settings", "/settings" },
        { "import", "/import" },
        { "insights", "/insights" },
    };

    [Theory]
    [MemberData(nameof(MainPages))]
    public async Task Page_HasNoSeriousAccessibilityViolations_AndFitsAPhone(string name, string path)
    {
        var page = await app.NewPageAsync();
        var response = await page.GotoAsync(path);
        Assert.Equal(200, response!.Status);
        await AssertAccessibleAsync(page, path);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(WebAppFixture.ScreenshotDir, $"{name}.png"), FullPage = true });

        var phone = await app.NewPageAsync(390, 844);
        await phone.GotoAsync(path);
        var overflow = await phone.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        var culprits = overflow <= 0 ? "" : await phone.EvaluateAsync<string>(
            "() => [...document.querySelectorAll('body *')].filter(e => !e.closest('nav, .table-wrap') && e.getBoundingClientRect().right > window.innerWidth + 1)" +
            ".slice(0, 8).map(e => e.tagName + (e.id ? '#' + e.id : '') + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)).join(', ')");
        Assert.True(overflow <= 0, $"{path} is {overflow} px wider than a 390 px screen: {culprits}");
        await phone.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(WebAppFixture.ScreenshotDir, $"{name}-390.png") });
        await page.Context.CloseAsync();
        await phone.Context.CloseAsync();
    }

    [Fact]
    public async Task DetailPages_HaveNoSeriousAccessibilityViolations()
    {
        var page = await app.NewPageAsync();
        foreach (var (list, name) in new[] { ("/people", "person"), ("/organizations", "organization"), ("/events", "event") })
        {
            await page.GotoAsync(list);
            await page.Locator("main table tbody a").First.ClickAsync();
            await page.WaitForLoadStateAsync();
            Assert.Matches(@"/\d+$", page.Url);
            await AssertAccessibleAsync(page, page.Url);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(WebAppFixture.ScreenshotDir, $"{name}.png"), FullPage = true });
        }
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task InsightsGraph_HasALegendForEachColouring_AndShowsTheMinimumStrength()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/insights");
        await page.WaitForSelectorAsync("#graph-legend:not([hidden])");

        Assert.Equal(["inner", "close", "active", "network", "acquaintance"], await page.Locator("#graph-legend li").AllTextContentsAsync());
        await page.SelectOptionAsync("#graph-colour", "industry");
        var industries = (await page.Locator("#graph-industry option").AllTextContentsAsync()).Skip(1).ToList();
        Assert.Equal([.. industries, "no industry"], await page.Locator("#graph-legend li").AllTextContentsAsync());
        // Every industry has its own colour, however many there are.
        var colours = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('#graph-legend .swatch')].map(s => s.style.backgroundColor)");
        Assert.Equal(colours.Length, colours.Distinct().Count());

        await page.Locator("#graph-min").FillAsync("0.5");
        Assert.Equal("0.50", await page.Locator("#graph-min-value").TextContentAsync());
        await AssertAccessibleAsync(page, "/insights (graph controls)");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task InsightsPaths_CanBeAskedForAPersonACompanyOrARole_AndItsListsLinkToPeople()
    {
        string company;
        await using (var db = app.Store.Open())
            company = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(
                db.Contacts.Where(c => c.Company != null).GroupBy(c => c.Company!).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Select(g => g.Key));
        var page = await app.NewPageAsync();
        await page.GotoAsync("/insights");
        // Job leads and ties to revive name people whose pages are a click away.
        foreach (var list in new[] { "#leads", "#reconnect" })
            Assert.Matches("^/people/[0-9]+$", await page.Locator($"{list} tbody th a").First.GetAttributeAsync("href"));
        var form = page.GetByRole(AriaRole.Search);
        await form.GetByLabel("Reach a person, a company or a role").FillAsync(company);
        await form.GetByLabel("as").SelectOptionAsync("role");
        await form.GetByRole(AriaRole.Button, new() { Name = "Find paths" }).ClickAsync();
        // Nobody's title is the company's name: asked as a role, it says so.
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync($"no contact has the role '{company}'");
        Assert.Equal("role", await page.Locator("#kind").InputValueAsync());

        await page.Locator("#kind").SelectOptionAsync("company");
        await form.GetByRole(AriaRole.Button, new() { Name = "Find paths" }).ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("kind=company"));
        Assert.Equal(0, await page.GetByRole(AriaRole.Alert).CountAsync());
        Assert.Equal("company", await page.Locator("#kind").InputValueAsync());
        await AssertAccessibleAsync(page, "/insights (paths by kind)");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Manifest_AndIcon_AreServed()
    {
        var page = await app.NewPageAsync();
        var manifest = await page.APIRequest.GetAsync("/manifest.webmanifest");
        Assert.Equal(200, manifest.Status);
        Assert.Contains("manifest+json", manifest.Headers["content-type"]);
        var json = System.Text.Json.JsonDocument.Parse(await manifest.TextAsync()).RootElement;
        Assert.Equal("Rapport", json.GetProperty("name").GetString());
        foreach (var icon in json.GetProperty("icons").EnumerateArray())
        {
            var r = await page.APIRequest.GetAsync(icon.GetProperty("src").GetString()!);
            Assert.Equal(200, r.Status);
        }
        await page.GotoAsync("/people");
        Assert.Equal("/manifest.webmanifest", await page.Locator("link[rel=manifest]").GetAttributeAsync("href"));
        await page.Context.CloseAsync();
    }

    internal static async Task AssertAccessibleAsync(IPage page, string what)
    {
        var result = await page.RunAxe();
        var bad = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(bad.Count == 0, $"{what}: " + string.Join("; ", bad.Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Take(3).Select(n => n.Target?.ToString()))}")));
    }
}

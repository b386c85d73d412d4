using Microsoft.Playwright;
using Rapport.App.Interactions;
using Rapport.Web.Caching;

namespace Rapport.Web.Tests;

/// <summary>Kept pages: served again while nothing changes, with each visitor's own token, and dropped at any commit.</summary>
public class PageCacheTest(WebAppFixture app)
{
    /// <summary>
    /// Visits the page until it comes from the cache, at most three times. The first render after earlier tests' writes
    /// can keep the insights' inputs in the database (its own commit, after 250 rows written), which drops the page it has
    /// just built; the render after that is kept, and from then on every visit is a hit while nothing is written.
    /// </summary>
    private static async Task ServedFromTheCacheAsync(IPage page, string href)
    {
        var served = new List<string?>();
        for (var visit = 0; visit < 3 && (served.Count == 0 || served[^1] != "hit"); visit++)
            served.Add(await (await page.GotoAsync(href))!.HeaderValueAsync(PageCache.HitHeader));
        Assert.True(served[^1] == "hit", $"never served from the cache in {served.Count} visits");
        Assert.Null(served[0]);
        Assert.Equal("hit", await (await page.GotoAsync(href))!.HeaderValueAsync(PageCache.HitHeader));
    }

    [Fact]
    public async Task PersonPage_FromTheCache_CarriesEachVisitorsOwnToken_AndItsFormsWork()
    {
        var first = await app.NewPageAsync();
        var href = await WebAppFixture.PersonOffThePlanAsync(first, "ri", skip: 4);
        await ServedFromTheCacheAsync(first, href);
        var firstToken = await first.Locator("input[name=__RequestVerificationToken]").First.InputValueAsync();

        // Another visitor (other cookies) gets the same kept page with a token of its own, and posting it works.
        var second = await app.NewPageAsync();
        var served = await second.GotoAsync(href);
        Assert.Equal("hit", await served!.HeaderValueAsync(PageCache.HitHeader));
        var secondToken = await second.Locator("input[name=__RequestVerificationToken]").First.InputValueAsync();
        Assert.NotEqual(firstToken, secondToken);
        var log = second.GetByRole(AriaRole.Region, new() { Name = "Log a touchpoint" });
        await log.GetByLabel("Note").FillAsync("Posted from a kept page");
        await log.GetByRole(AriaRole.Button, new() { Name = "Log", Exact = true }).ClickAsync();
        await Assertions.Expect(second.Locator(".flash")).ToContainTextAsync("Logged a");
        await Assertions.Expect(second.GetByText("Posted from a kept page")).ToBeVisibleAsync();

        // The first visitor's next visit shows the new touchpoint: the post dropped the kept page.
        var after = await first.GotoAsync(href);
        Assert.Null(await after!.HeaderValueAsync(PageCache.HitHeader));
        await Assertions.Expect(first.GetByText("Posted from a kept page")).ToBeVisibleAsync();
        await first.Context.CloseAsync();
        await second.Context.CloseAsync();
    }

    [Fact]
    public async Task AWriteThroughAnotherConnection_ShowsAtTheNextRequest()
    {
        var page = await app.NewPageAsync();
        var href = await WebAppFixture.PersonOffThePlanAsync(page, "ri", skip: 5);
        await ServedFromTheCacheAsync(page, href);

        // As the command line would: its own connection, outside the web app.
        await using (var db = app.Store.Open())
        {
            await new LogInteraction(db, app.Clock).ExecuteAsync(new LogRequest(href.Split('/').Last(), "call") { Note = "Logged from elsewhere" }, CancellationToken.None);
        }
        var fresh = await page.GotoAsync(href);
        Assert.Null(await fresh!.HeaderValueAsync(PageCache.HitHeader));
        await Assertions.Expect(page.GetByText("Logged from elsewhere")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task InsightsPage_IsKeptUntilACommit_ThenCountsTheNewContact()
    {
        var page = await app.NewPageAsync();
        async Task<int> ContactsShownAsync()
        {
            await page.GotoAsync("/insights");
            var line = await page.Locator("main p").First.InnerTextAsync();
            return int.Parse(line[..line.IndexOf(' ', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture);
        }
        var before = await ContactsShownAsync();
        Assert.Equal(before, await ContactsShownAsync());

        // A contact added through another connection, as the command line would: the next visit counts it.
        await using (var db = app.Store.Open())
        {
            db.Contacts.Add(new Rapport.Domain.Contacts.Contact("Added Elsewhere", app.Clock.GetUtcNow().UtcDateTime));
            await db.SaveChangesAsync(CancellationToken.None);
        }
        Assert.True(await ContactsShownAsync() > before);
        await page.Context.CloseAsync();
    }
}

using Microsoft.Playwright;

namespace Rapport.Web.Tests;

/// <summary>A newcomer's first minutes: the demo network, today's plan, one item done, and that person's next due moves.</summary>
public class NewcomerTest(WebAppFixture app)
{
    [Fact]
    public async Task Demo_Today_MarkAnItemDone_MovesThatPersonsNextDue()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Today");
        var items = page.GetByRole(AriaRole.List, new() { NameRegex = new System.Text.RegularExpressions.Regex("for today$") }).GetByRole(AriaRole.Listitem);
        Assert.True(await items.CountAsync() > 0, "the demo network should give a plan for today");
        var item = items.First;
        var person = item.GetByRole(AriaRole.Heading).GetByRole(AriaRole.Link);
        var name = await person.InnerTextAsync();
        var href = await person.GetAttributeAsync("href");
        var itemId = await item.GetAttributeAsync("id");
        await Assertions.Expect(item.GetByRole(AriaRole.Textbox, new() { Name = $"Message draft for {name}" })).Not.ToBeEmptyAsync();

        var before = await NextDueAsync(page, href!);
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex($"^Done: .* with {System.Text.RegularExpressions.Regex.Escape(name)}$") }).First.ClickAsync();
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync($"with {name}");
        await Assertions.Expect(page.Locator($"#{itemId}")).ToHaveCountAsync(0);

        var after = await NextDueAsync(page, href!);
        Assert.NotEqual(before, after);
        // The next due is counted again from today's touch: one cadence ahead. (It can come earlier than before: the touch
        // may lift the person into a closer tier, whose cadence is shorter.)
        var today = WebAppFixture.Now.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.NotEqual("not scheduled", after);
        Assert.True(string.CompareOrdinal(after, today) > 0, $"next due should be after today ({today}): {before} → {after}");
        await page.GotoAsync(href!);
        await Assertions.Expect(page.Locator(".timeline li").First).ToContainTextAsync(today);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Snooze_And_Skip_TakeTheItemOffToday()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/");
        var list = page.GetByRole(AriaRole.List, new() { NameRegex = new System.Text.RegularExpressions.Regex("for today$") });
        var count = await list.GetByRole(AriaRole.Listitem).CountAsync();
        Assert.True(count >= 2, "the demo plan should have two items today");
        var first = list.GetByRole(AriaRole.Listitem).Last;
        var firstId = await first.GetAttributeAsync("id");
        await first.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Snooze") }).ClickAsync();
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("Snoozed");
        await Assertions.Expect(page.Locator($"#{firstId}")).ToHaveCountAsync(0);

        var second = page.GetByRole(AriaRole.List, new() { NameRegex = new System.Text.RegularExpressions.Regex("for today$") }).GetByRole(AriaRole.Listitem).Last;
        var secondId = await second.GetAttributeAsync("id");
        await second.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Skip") }).ClickAsync();
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("Skipped");
        await Assertions.Expect(page.GetByRole(AriaRole.List, new() { NameRegex = new System.Text.RegularExpressions.Regex("for today$") }).Locator($"#{secondId}")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    private static async Task<string> NextDueAsync(IPage page, string href)
    {
        await page.GotoAsync(href);
        var text = await page.Locator("#next-due").InnerTextAsync();
        return text.Split(' ')[0] == "not" ? "not scheduled" : text.Split(' ')[0];
    }
}

using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Rapport.Web.Tests;

/// <summary>Deleting a touchpoint from a person's timeline (to the trash, with undo), and emptying the trash for good.</summary>
public class TimelineAndTrashTest(WebAppFixture app)
{
    private async Task<(IPage Page, string Href)> PersonWithANewCallAsync(string note)
    {
        var page = await app.NewPageAsync();
        var href = await WebAppFixture.PersonOffThePlanAsync(page, "an", skip: 2);
        await page.GotoAsync(href);
        var log = page.GetByRole(AriaRole.Region, new() { Name = "Log a touchpoint" });
        await log.GetByLabel("Channel").SelectOptionAsync("call");
        await log.GetByLabel("Date").FillAsync("2026-11-19");
        await log.GetByLabel("Note").FillAsync(note);
        await log.GetByRole(AriaRole.Button, new() { Name = "Log", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByText(note)).ToBeVisibleAsync();
        return (page, href);
    }

    [Fact]
    public async Task DeletingATouchpoint_FromTheTimeline_GoesToTheTrash_AndUndoBringsItBack()
    {
        var (page, href) = await PersonWithANewCallAsync("A call to delete from the timeline");
        var timeline = page.GetByRole(AriaRole.Region, new() { NameRegex = new Regex("^Timeline") });
        var before = await timeline.GetByRole(AriaRole.Heading).InnerTextAsync();

        await timeline.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "A call to delete from the timeline" })
            .GetByRole(AriaRole.Button, new() { Name = "Delete the call on 2026-11-19" }).ClickAsync();
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("Moved the call on 2026-11-19 to the trash");
        await Assertions.Expect(page.GetByText("A call to delete from the timeline")).ToHaveCountAsync(0);
        Assert.NotEqual(before, await timeline.GetByRole(AriaRole.Heading).InnerTextAsync());
        await PagesTest.AssertAccessibleAsync(page, "person after deleting a touchpoint");

        await page.GetByRole(AriaRole.Button, new() { Name = "Undo" }).ClickAsync();
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("Restored call on 2026-11-19");
        Assert.EndsWith(href, new Uri(page.Url).AbsolutePath);
        await Assertions.Expect(page.GetByText("A call to delete from the timeline")).ToBeVisibleAsync();
        Assert.Equal(before, await timeline.GetByRole(AriaRole.Heading).InnerTextAsync());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task EmptyingTheTrash_AsksFirst_ThenDeletesForGood()
    {
        var (page, href) = await PersonWithANewCallAsync("A call for the emptied trash");
        await page.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "A call for the emptied trash" })
            .GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Delete the call") }).ClickAsync();
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("to the trash");

        await page.GotoAsync("/trash");
        await page.GetByRole(AriaRole.Link, new() { Name = "Empty the trash…" }).ClickAsync();
        var confirm = page.GetByRole(AriaRole.Region, new() { Name = "Empty the trash?" });
        await Assertions.Expect(confirm).ToContainTextAsync("cannot be restored");
        await PagesTest.AssertAccessibleAsync(page, "trash, confirming");
        // Keeping them changes nothing.
        await confirm.GetByRole(AriaRole.Link, new() { Name = "Keep them" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Restore call on") }).First).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Empty the trash…" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete everything in the trash" }).ClickAsync();
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync(new Regex("Deleted \\d+ things? for good"));
        await Assertions.Expect(page.GetByText("The trash is empty.")).ToBeVisibleAsync();
        await page.GotoAsync(href);
        await Assertions.Expect(page.GetByText("A call for the emptied trash")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task QuickCapture_Who_SuggestsNamesAsOneTypes()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/people?sort=name");
        var name = (await page.Locator("main table tbody a").First.InnerTextAsync()).Trim();
        var suggest = await page.APIRequest.GetAsync("/api/v1/contacts/suggest?q=" + Uri.EscapeDataString(name[..3]));
        Assert.Equal(200, suggest.Status);
        Assert.Contains(name, await suggest.TextAsync());

        await page.Locator("body").ClickAsync(new() { Position = new() { X = 5, Y = 300 } });
        await page.Keyboard.PressAsync("c");
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Log an interaction" });
        var who = dialog.GetByLabel("Who");
        await who.PressSequentiallyAsync(name[..3]);
        // The browser lists the field's datalist under it; each suggestion is a whole name.
        var options = page.Locator("#" + await who.GetAttributeAsync("list") + " option");
        await Assertions.Expect(options.First).ToBeAttachedAsync();
        var offered = await options.EvaluateAllAsync<string[]>("os => os.map(o => o.value)");
        Assert.Contains(name, offered);
        Assert.All(offered, o => Assert.Contains(name[..3], o, StringComparison.OrdinalIgnoreCase));

        await who.FillAsync(name);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Log it" }).ClickAsync();
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync($"with {name}");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task BulkEditPanel_At390Pixels_CoversNoRow()
    {
        var page = await app.NewPageAsync(width: 390, height: 844);
        await page.GotoAsync("/people");
        var panel = await page.GetByRole(AriaRole.Group, new() { Name = "With the selected people" }).BoundingBoxAsync();
        Assert.NotNull(panel);
        foreach (var row in await page.Locator("main table tbody tr").AllAsync())
        {
            var box = await row.BoundingBoxAsync();
            Assert.NotNull(box);
            var overlaps = box.Y < panel.Y + panel.Height && panel.Y < box.Y + box.Height;
            Assert.False(overlaps, $"the bulk-edit panel (y {panel.Y}–{panel.Y + panel.Height}) covers a row (y {box.Y}–{box.Y + box.Height})");
        }
        await page.Context.CloseAsync();
    }
}

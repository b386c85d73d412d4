using Microsoft.Playwright;

namespace Rapport.Web.Tests;

/// <summary>Events through their forms: who runs one (what makes a community's streak), and its details once it is over.</summary>
public class EventsTest(WebAppFixture app)
{
    [Fact]
    public async Task AnEvent_AddedWithItsOrganizer_IsRunByIt_AndItsDetailsCanBeMended()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/events");
        var add = page.GetByRole(AriaRole.Region, new() { Name = "Add an event" });
        var organizer = add.GetByLabel("Run by");
        // The demo's communities are offered first; pick the first one that is not "no one in particular".
        var choice = organizer.Locator("option").Nth(1);
        var organizerName = (await choice.InnerTextAsync()).Trim();
        var organizerId = (await choice.GetAttributeAsync("value"))!;
        await organizer.SelectOptionAsync(organizerId);
        await add.GetByLabel("Name").FillAsync("Guild night for the test");
        await add.GetByLabel("Date").FillAsync("2026-03-05T18:30");
        await add.GetByRole(AriaRole.Button, new() { Name = "Add event" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Guild night for the test");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = organizerName, Exact = true })).ToBeVisibleAsync();

        var details = page.GetByRole(AriaRole.Region, new() { Name = "Details" });
        await Assertions.Expect(details.GetByLabel("Run by")).ToHaveValueAsync(organizerId);
        await details.GetByLabel("Your rating").FillAsync("9");
        await details.GetByLabel("Cost").FillAsync("25");
        await details.GetByRole(AriaRole.Button, new() { Name = "Save details" }).ClickAsync();
        details = page.GetByRole(AriaRole.Region, new() { Name = "Details" });
        await Assertions.Expect(details.GetByLabel("Your rating")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(details.GetByLabel("Your rating")).ToHaveAccessibleDescriptionAsync(new System.Text.RegularExpressions.Regex("1 to 5"));
        await Assertions.Expect(details.GetByLabel("Cost")).ToHaveValueAsync("25");
        await PagesTest.AssertAccessibleAsync(page, "event details with errors");

        await details.GetByLabel("Your rating").FillAsync("4");
        await details.GetByLabel("Run by").SelectOptionAsync("");
        await details.GetByRole(AriaRole.Button, new() { Name = "Save details" }).ClickAsync();
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("Saved Guild night for the test: organizer, cost, rating");
        await Assertions.Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("4 of 5");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = organizerName, Exact = true })).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Button, new() { Name = "Move Guild night for the test to the trash" }).ClickAsync();
        await page.Context.CloseAsync();
    }
}

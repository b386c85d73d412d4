using Microsoft.Playwright;

namespace Rapport.Web.Tests;

/// <summary>What a person does in the browser: search, quick capture, trash and undo, validation that keeps what was typed.</summary>
public class JourneyTest(WebAppFixture app)
{
    [Fact]
    public async Task Search_FindsPeopleByCompany_AndOpensTheirPage()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/people");
        var firstRole = await page.Locator("main table tbody tr").First.Locator("td").Nth(2).InnerTextAsync();
        var company = firstRole.Split(" at ").Last().Trim();
        await page.GetByRole(AriaRole.Searchbox, new() { Name = "Search" }).FillAsync(company);
        await page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/people?*");
        var rows = page.Locator("main table tbody tr");
        Assert.True(await rows.CountAsync() >= 1);
        foreach (var text in await rows.AllInnerTextsAsync()) Assert.Contains(company, text, StringComparison.OrdinalIgnoreCase);
        await rows.First.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task QuickCapture_WithTheKeyboard_LogsAnInteraction_OnThePersonsTimeline()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/people?q=a");
        var link = page.Locator("main table tbody a").Nth(3);
        var name = await link.InnerTextAsync();
        var href = await link.GetAttributeAsync("href");
        await page.Locator("body").ClickAsync(new() { Position = new() { X = 5, Y = 300 } });
        await page.Keyboard.PressAsync("c");
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Log an interaction" });
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        await dialog.GetByLabel("Who").FillAsync(href!.Split('/').Last());
        await dialog.GetByLabel("Channel").SelectOptionAsync("call");
        await dialog.GetByLabel("Note").First.FillAsync("Talked about the quick capture test");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Log it" }).ClickAsync();
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync($"Logged a call with {name}");
        await page.GotoAsync(href);
        await Assertions.Expect(page.GetByText("Talked about the quick capture test")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task QuickCapture_ForSomeoneUnknown_SaysWhatIsWrongNextToWho_AndKeepsTheNote()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/capture");
        var form = page.GetByRole(AriaRole.Region, new() { Name = "Log an interaction" });
        await form.GetByLabel("Who").FillAsync("Nobody Byth1sName");
        await form.GetByLabel("Note").FillAsync("Keep this text");
        await form.GetByRole(AriaRole.Button, new() { Name = "Log it" }).ClickAsync();
        form = page.GetByRole(AriaRole.Region, new() { Name = "Log an interaction" });
        var who = form.GetByLabel("Who");
        await Assertions.Expect(who).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(who).ToHaveAccessibleDescriptionAsync(new System.Text.RegularExpressions.Regex("No contact is named"));
        await Assertions.Expect(who).ToHaveValueAsync("Nobody Byth1sName");
        await Assertions.Expect(page.Locator("#note")).ToHaveValueAsync("Keep this text");
        await PagesTest.AssertAccessibleAsync(page, "capture with errors");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task QuickCapture_PersonMetAtAnEvent_ShowsOnTheEvent()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/events");
        var eventLink = page.Locator("#past ~ .table-wrap a, table[aria-labelledby=past] a").First;
        var eventName = (await eventLink.InnerTextAsync()).Trim();
        var eventHref = await eventLink.GetAttributeAsync("href");
        await page.GotoAsync("/capture");
        var form = page.GetByRole(AriaRole.Region, new() { Name = "Met someone at an event" });
        await form.GetByLabel("Name").FillAsync("Ingrid Testperson");
        await form.GetByLabel("Event").SelectOptionAsync(eventHref!.Split('/').Last());
        await form.GetByLabel("Company").FillAsync("Fjord Labs");
        await form.GetByRole(AriaRole.Button, new() { Name = "Add person" }).ClickAsync();
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("Added Ingrid Testperson");
        await page.GotoAsync(eventHref);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(eventName);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Ingrid Testperson" })).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Deleting_APerson_GoesToTheTrash_AndUndoBringsThemBack()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/people?q=e&p=2");
        var link = page.Locator("main table tbody a").First;
        var name = await link.InnerTextAsync();
        await link.ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = $"Move {name} to the trash" }).ClickAsync();
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync($"Moved {name} to the trash");
        await page.GetByRole(AriaRole.Searchbox, new() { Name = "Search" }).FillAsync(name);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = name, Exact = true })).ToHaveCountAsync(0);

        await page.GotoAsync("/trash");
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = name, Exact = true })).ToBeVisibleAsync();
        await page.GotoAsync("/people");
        // Undo from the message shown right after deleting.
        await page.GotoAsync("/trash");
        await page.GetByRole(AriaRole.Button, new() { Name = $"Restore {name}" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(name);
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync($"Restored {name}");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task UndoButton_RightAfterDeleting_RestoresThePerson()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/people?q=o&p=2");
        var link = page.Locator("main table tbody a").Nth(1);
        var name = await link.InnerTextAsync();
        await link.ClickAsync();
        var personUrl = page.Url;
        await page.GetByRole(AriaRole.Button, new() { Name = $"Move {name} to the trash" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Undo" }).ClickAsync();
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync($"Restored {name}");
        var back = await page.GotoAsync(personUrl);
        Assert.Equal(200, back!.Status);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task BulkTag_TagsTheTickedPeople()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/people?q=in");
        var boxes = page.GetByRole(AriaRole.Checkbox, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Select (?!everyone)") });
        var names = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var box = boxes.Nth(i);
            names.Add((await box.GetAttributeAsync("aria-label"))!["Select ".Length..]);
            await box.CheckAsync();
        }
        await page.GetByRole(AriaRole.Main).GetByLabel("Action").SelectOptionAsync("add-tag");
        await page.GetByRole(AriaRole.Main).GetByLabel("Tag, category, city or kind").FillAsync("bulk-test");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply to selected" }).ClickAsync();
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("for 3 people");
        await page.GotoAsync("/people?tag=bulk-test");
        var listed = await page.Locator("main table tbody td a").AllInnerTextsAsync();
        Assert.Equal(names.Order(), listed.Order());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task PersonEdit_WithABadEmail_ShowsTheErrorNextToEmail_AndKeepsTheOtherFields()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/people?q=u");
        await page.Locator("main table tbody a").Nth(2).ClickAsync();
        await page.Locator("#edit summary").ClickAsync();
        var main = page.GetByRole(AriaRole.Main);
        // The Email field, not the timeline's "Delete the email on …" buttons.
        var emailField = () => page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Textbox, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Email") });
        await emailField().FillAsync("not-an-email");
        await main.GetByLabel("City").FillAsync("Valparaíso");
        await main.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        main = page.GetByRole(AriaRole.Main);
        var email = emailField();
        await Assertions.Expect(email).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(email).ToHaveValueAsync("not-an-email");
        await Assertions.Expect(main.GetByLabel("City")).ToHaveValueAsync("Valparaíso");
        await Assertions.Expect(page.Locator("#edit-email-error")).ToContainTextAsync("not an email address");
        await page.Context.CloseAsync();
    }
}

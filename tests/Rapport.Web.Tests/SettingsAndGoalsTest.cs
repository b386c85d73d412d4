using Microsoft.Playwright;

namespace Rapport.Web.Tests;

/// <summary>Settings and goals through their forms: a bad value is refused next to its field, nothing is saved, what was typed stays.</summary>
public class SettingsAndGoalsTest(WebAppFixture app)
{
    [Fact]
    public async Task Settings_ABadBudget_IsRefusedNextToIt_AndAGoodOneIsSaved()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/settings");
        var touchpoints = page.GetByLabel("budget.touchpoints");
        var original = await touchpoints.InputValueAsync();
        await touchpoints.FillAsync("lots");
        await page.GetByLabel("quiet-days").FillAsync("saturday,sunday");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save settings" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("budget.touchpoints")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(page.GetByLabel("budget.touchpoints")).ToHaveValueAsync("lots");
        await Assertions.Expect(page.GetByLabel("quiet-days")).ToHaveValueAsync("saturday,sunday");
        await PagesTest.AssertAccessibleAsync(page, "settings with errors");
        await page.GotoAsync("/settings");
        await Assertions.Expect(page.GetByLabel("budget.touchpoints")).ToHaveValueAsync(original);

        await page.GetByLabel("budget.touchpoints").FillAsync((int.Parse(original, System.Globalization.CultureInfo.InvariantCulture) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Save settings" }).ClickAsync();
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("Saved 1 setting");
        await page.GotoAsync("/");
        await Assertions.Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync($"of {int.Parse(original, System.Globalization.CultureInfo.InvariantCulture) + 1} touchpoints");
        await page.GotoAsync("/settings");
        await page.GetByLabel("budget.touchpoints").FillAsync(original);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save settings" }).ClickAsync();
        await page.Context.CloseAsync();
    }

    /// <summary>
    /// A setting every tie strength is built with has the strengths rebuilt, and what the insights start from kept, as it
    /// is saved: the next load reads no table.
    /// </summary>
    [Fact]
    public async Task Settings_AHalfLife_HasTheStrengthsRebuilt_AndTheInsightsReadyAsItIsSaved()
    {
        var ct = TestContext.Current.CancellationToken;
        var page = await app.NewPageAsync();
        await page.GotoAsync("/settings");
        var original = await page.GetByLabel("half-life.days").InputValueAsync();
        foreach (var value in new[] { "150", original })
        {
            await page.GetByText("More settings").ClickAsync();
            await page.GetByLabel("half-life.days").FillAsync(value);
            await page.GetByRole(AriaRole.Button, new() { Name = "Save settings" }).ClickAsync();
            await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("Saved 1 setting");
            await using var db = app.Store.Open();
            var network = await App.Insights.InsightsNetwork.LoadAsync(db, WebAppFixture.Now.UtcDateTime, ct, keepInputs: false);
            Assert.True(network.FromKeptInputs, value);
            Assert.Equal(0, network.PatchedWrites);
        }
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Settings_CreatesAndRevokesACalendarFeed()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/settings");
        await page.GetByLabel("Name of the new feed").FillAsync("phone calendar");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create feed" }).ClickAsync();
        var url = await page.GetByLabel("Feed address").InputValueAsync();
        Assert.EndsWith(".ics", url);
        var feed = await page.APIRequest.GetAsync(url);
        Assert.Equal(200, feed.Status);
        Assert.Contains("BEGIN:VCALENDAR", await feed.TextAsync());
        await page.GetByRole(AriaRole.Button, new() { Name = "Revoke feed phone calendar" }).First.ClickAsync();
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("Revoked");
        Assert.Equal(404, (await page.APIRequest.GetAsync(url)).Status);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Goals_AddAGoal_ShowsItsProgress_AndABadTargetIsRefused()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/goals");
        var form = page.GetByRole(AriaRole.Region, new() { Name = "Add a goal" });
        await form.GetByLabel("Title").FillAsync("Meet three climate founders");
        await form.GetByLabel("How many people").FillAsync("zero");
        await form.GetByRole(AriaRole.Button, new() { Name = "Add goal" }).ClickAsync();
        form = page.GetByRole(AriaRole.Region, new() { Name = "Add a goal" });
        await Assertions.Expect(form.GetByLabel("How many people")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(form.GetByLabel("Title")).ToHaveValueAsync("Meet three climate founders");

        await form.GetByLabel("How many people").FillAsync("3");
        await form.GetByLabel("Industries").FillAsync("climate tech");
        await form.GetByRole(AriaRole.Button, new() { Name = "Add goal" }).ClickAsync();
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("Meet three climate founders");
        var card = page.GetByRole(AriaRole.Listitem).Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "Meet three climate founders" }) });
        await Assertions.Expect(card.GetByRole(AriaRole.Progressbar)).ToBeVisibleAsync();
        await Assertions.Expect(card).ToContainTextAsync("target 3");
        await page.Context.CloseAsync();
    }
}

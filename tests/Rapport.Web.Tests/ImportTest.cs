using Microsoft.Playwright;

namespace Rapport.Web.Tests;

/// <summary>Importing a LinkedIn Connections.csv through the Import page: upload, preview (nothing written), confirm, result.</summary>
public class ImportTest(WebAppFixture app)
{
    private const string Connections =
        "Notes:\n\"When exporting your connection data, you may notice that some of the email addresses are missing.\"\n\n" +
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n" +
        "Oksana,Zwiebelkamp,https://www.linkedin.com/in/oksana-zwiebelkamp,oksana@example.org,Quokka Robotics,Staff Engineer,04 Jul 2023\n" +
        "Tomás,Ferreira-Quist,https://www.linkedin.com/in/tomas-fq,,Globex Kraków,Designer,22 Dec 2025\n";

    [Fact]
    public async Task LinkedInConnections_PreviewWritesNothing_ConfirmImportsThem()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/import");
        var file = Path.Combine(Path.GetTempPath(), $"Connections-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(file, Connections);
        await page.GetByLabel("File", new() { Exact = true }).SetInputFilesAsync(file);
        await page.GetByLabel("Format").SelectOptionAsync("linkedin");
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview import" }).ClickAsync();

        var preview = page.GetByRole(AriaRole.Region, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Preview of") });
        await Assertions.Expect(preview).ToContainTextAsync("2 new");
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { NameRegex = new System.Text.RegularExpressions.Regex("Tomás Ferreira-Quist") })).ToBeVisibleAsync();
        await PagesTest.AssertAccessibleAsync(page, "import preview");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(WebAppFixture.ScreenshotDir, "import-preview.png"), FullPage = true });

        var check = await app.NewPageAsync();
        await check.GotoAsync("/people?q=Zwiebelkamp");
        await Assertions.Expect(check.Locator("main table tbody tr")).ToHaveCountAsync(0);

        await preview.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Import 2 contacts") }).ClickAsync();
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("2 new");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(WebAppFixture.ScreenshotDir, "import-result.png"), FullPage = true });
        await check.GotoAsync("/people?q=Zwiebelkamp");
        await Assertions.Expect(check.Locator("main table tbody tr")).ToHaveCountAsync(1);
        await check.GetByRole(AriaRole.Link, new() { Name = "Oksana Zwiebelkamp" }).ClickAsync();
        await Assertions.Expect(check.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Oksana Zwiebelkamp");
        await Assertions.Expect(check.GetByRole(AriaRole.Main)).ToContainTextAsync("Quokka Robotics");
        File.Delete(file);
        await page.Context.CloseAsync();
        await check.Context.CloseAsync();
    }

    [Fact]
    public async Task ABadFile_IsRefused_WithTheReasonNextToTheFileField()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/import");
        var file = Path.Combine(Path.GetTempPath(), $"notes-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(file, "just some text\n");
        await page.GetByLabel("File", new() { Exact = true }).SetInputFilesAsync(file);
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview import" }).ClickAsync();
        var input = page.GetByLabel("File", new() { Exact = true });
        await Assertions.Expect(input).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(page.Locator("#import-file-error")).ToContainTextAsync("expected");
        File.Delete(file);
        await page.Context.CloseAsync();
    }
}

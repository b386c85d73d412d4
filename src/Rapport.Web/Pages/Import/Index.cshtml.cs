using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Rapport.App.Common;
using Rapport.App.Import;
using Rapport.Data;
using Rapport.Formats;

namespace Rapport.Web.Pages.Import;

/// <summary>
/// Import: upload a file (LinkedIn export or Connections.csv, Google or Outlook CSV, vCard, iCalendar, mbox), see a
/// dry-run preview of what would happen to each row, then confirm to write it all in one transaction, and see the result.
/// </summary>
[RequestSizeLimit(IndexModel.MaxUpload)]
[RequestFormLimits(MultipartBodyLengthLimit = IndexModel.MaxUpload)]
public sealed class IndexModel(RapportDbContext db, TimeProvider clock) : FormPage
{
    /// <summary>The largest upload accepted, in bytes.</summary>
    public const long MaxUpload = 200L * 1024 * 1024;

    [BindProperty] public IFormFile? Upload { get; set; }
    [BindProperty] public string? Kind { get; set; } = "auto";
    [BindProperty] public bool SkipBadRows { get; set; }
    [BindProperty] public string? Token { get; set; }

    public ImportResult? Preview { get; private set; }
    public ImportResult? Result { get; private set; }
    public string? FileName { get; private set; }

    public static readonly IReadOnlyList<(string Value, string Text)> Kinds =
    [
        ("auto", "Tell from the file"), ("linkedin", "LinkedIn (export .zip or Connections.csv)"), ("google", "Google Contacts CSV"),
        ("outlook", "Outlook CSV"), ("vcard", "vCard (.vcf)"), ("ics", "Calendar (.ics)"), ("mbox", "Mail (.mbox)"), ("csv", "Rapport CSV"),
    ];

    public void OnGet()
    {
    }

    /// <summary>Step 1: keep the upload in a private temporary folder and show the dry run.</summary>
    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken ct)
    {
        if (Upload is null || Upload.Length == 0)
        {
            Errors["import.file"] = "Choose a file to import.";
            return Page();
        }
        var token = Guid.NewGuid().ToString("N");
        var dir = Directory.CreateDirectory(Path.Combine(UploadRoot, token));
        var name = SafeName(Upload.FileName);
        var path = Path.Combine(dir.FullName, name);
        await using (var file = System.IO.File.Create(path))
            await Upload.CopyToAsync(file, ct);
        Token = token;
        FileName = name;
        if (!await RunAsync(path, name, dryRun: true, ct)) Discard(token);
        return Page();
    }

    /// <summary>Step 2: import what the preview showed, then forget the upload.</summary>
    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken ct)
    {
        var path = UploadPath(Token);
        if (path is null)
        {
            Errors["import.file"] = "That upload is gone (it is kept only until it is imported). Choose the file again.";
            return Page();
        }
        FileName = Path.GetFileName(path);
        var ok = await RunAsync(path, FileName, dryRun: false, ct);
        Discard(Token!);
        if (ok) Token = null;
        return Page();
    }

    /// <summary>Drops an upload without importing it.</summary>
    public IActionResult OnPostCancel()
    {
        if (UploadPath(Token) is not null) Discard(Token!);
        Tell("Nothing was imported.");
        return Redirect("/import");
    }

    private async Task<bool> RunAsync(string path, string name, bool dryRun, CancellationToken ct)
    {
        try
        {
            var kind = Input.ParseEnum<ImportSourceKind>("kind", string.IsNullOrWhiteSpace(Kind) ? "auto" : Kind);
            var result = await new ImportNetwork(db, clock).ExecuteAsync(new ImportRequest
            {
                Kind = kind, Path = path, FileName = name, DryRun = dryRun, SkipBadRows = SkipBadRows,
            }, ct);
            if (dryRun) Preview = result;
            else Result = result;
            return true;
        }
        catch (InputException e)
        {
            Fail(e, "import", "kind");
            if (!Errors.ContainsKey("import.kind")) Errors["import.file"] = Errors.Remove("import.form", out var m) ? m : e.Message;
        }
        catch (ImportFormatException e)
        {
            Errors["import.file"] = e.Message;
        }
        catch (Rapport.Domain.DomainException e)
        {
            Errors["import.file"] = e.Message;
        }
        return false;
    }

    private static string UploadRoot => Path.Combine(Path.GetTempPath(), "rapport-uploads");

    private static string? UploadPath(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length != 32 || !token.All(char.IsAsciiHexDigitLower)) return null;
        var dir = Path.Combine(UploadRoot, token);
        return Directory.Exists(dir) ? Directory.EnumerateFiles(dir).FirstOrDefault() : null;
    }

    private static void Discard(string token)
    {
        try
        {
            Directory.Delete(Path.Combine(UploadRoot, token), recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static string SafeName(string name)
    {
        var n = Path.GetFileName(name.Replace('\\', '/'));
        foreach (var c in Path.GetInvalidFileNameChars()) n = n.Replace(c, '_');
        return string.IsNullOrWhiteSpace(n) || n.StartsWith('.') ? "upload" + n : n;
    }
}

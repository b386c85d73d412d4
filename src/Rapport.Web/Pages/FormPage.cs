using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;
using Rapport.App.Common;
using Rapport.Web.Caching;

namespace Rapport.Web.Pages;

/// <summary>
/// A page with forms: keeps the validation messages by field so each shows next to its input, and the one-line
/// message (with an optional undo) that the next page shows after a redirect.
/// </summary>
public abstract class FormPage : PageModel
{
    /// <summary>Messages by field key; a key is the form's prefix and the field, like "log.who".</summary>
    public Dictionary<string, string> Errors { get; } = new(StringComparer.OrdinalIgnoreCase);

    public bool HasErrors => Errors.Count > 0;

    public string? Error(string key) => Errors.TryGetValue(key, out var m) ? m : null;

    /// <summary>"true" for aria-invalid when the field has an error; null drops the attribute.</summary>
    public string? Invalid(string key) => Errors.ContainsKey(key) ? "true" : null;

    /// <summary>The id of the field's error message, for aria-describedby; null when there is none.</summary>
    public string? DescribedBy(string key) => Errors.ContainsKey(key) ? ErrorId(key) : null;

    public static string ErrorId(string key) => key.Replace('.', '-') + "-error";

    /// <summary>Records an input error under the field it names, within the form <paramref name="prefix"/>.</summary>
    protected void Fail(InputException e, string prefix, params string[] knownFields)
    {
        var field = e.Field;
        var message = e.Message.StartsWith(field + ": ", StringComparison.Ordinal) ? e.Message[(field.Length + 2)..] : e.Message;
        message = message.Length > 0 ? char.ToUpperInvariant(message[0]) + message[1..] : message;
        var key = knownFields.Length == 0 || knownFields.Contains(field, StringComparer.OrdinalIgnoreCase) ? $"{prefix}.{field}" : $"{prefix}.form";
        Errors[key] = message;
    }

    /// <summary>Shows a message on the next page; with an undo, a button that restores what was moved to the trash.</summary>
    protected void Tell(string message, string? undoKind = null, long? undoId = null)
    {
        TempData["Flash"] = message;
        if (undoKind is not null && undoId is not null)
        {
            TempData["UndoKind"] = undoKind;
            TempData["UndoId"] = undoId.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    /// <summary>
    /// After a form post, what its handler committed drops the kept pages, plans and insights before the response is
    /// rendered (the same commit check every request starts with), so a page rendered by the post itself shows the change.
    /// </summary>
    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        await next();
        if (HttpMethods.IsPost(context.HttpContext.Request.Method) && context.HttpContext.RequestServices.GetService<PageCache>() is { } pages)
            await pages.CheckCommitsAsync(context.HttpContext.RequestAborted);
    }

    /// <summary>Back to where the user was when the return address is local, else to <paramref name="fallback"/>.</summary>
    protected IActionResult Back(string? returnUrl, string fallback) =>
        LocalRedirect(!string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl) ? returnUrl : fallback);
}

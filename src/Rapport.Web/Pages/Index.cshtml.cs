using Microsoft.AspNetCore.Mvc;

namespace Rapport.Web.Pages;

/// <summary>Today: the plan of who to contact, with done, snooze and skip.</summary>
public sealed class TodayModel : FormPage
{
    public IActionResult OnGet() => Redirect("/people");
}

using Dunning.Bot.Staff.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Dunning.Bot.Staff.Pages;

/// <summary>Sign-out is a POST with an antiforgery token, so no other site can end a session.</summary>
public sealed class SignOutModel : PageModel
{
    public IActionResult OnGet() => Redirect("/console");

    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.SignOutAsync(StaffSignInCookie.Scheme);
        return Redirect("/console/signin");
    }
}

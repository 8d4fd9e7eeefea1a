using Dunning.Bot.Staff.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Dunning.Bot.Staff.Pages;

/// <summary>Sign-in with a local account; the same message for an unknown name and a wrong password.</summary>
public sealed class SignInModel(StaffAccounts accounts) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public string? UserName { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var outcome = await accounts.SignInAsync(UserName?[..Math.Min(UserName.Length, 256)], Password?[..Math.Min(Password.Length, 256)], cancellationToken);
        if (outcome.Result == SignInVerdict.Success)
        {
            await HttpContext.SignInAsync(StaffSignInCookie.Scheme, StaffSignInCookie.Principal(outcome.Account!));
            return LocalRedirect(ReturnUrl is { } url && Url.IsLocalUrl(url) && url.StartsWith("/console", StringComparison.Ordinal) ? url : "/console");
        }
        ViewData["Problem"] = outcome.Result == SignInVerdict.LockedOut
            ? "Too many failed attempts: this account is locked for a while. Try again later or ask the owner."
            : "User name or password is wrong.";
        Response.StatusCode = outcome.Result == SignInVerdict.LockedOut ? StatusCodes.Status423Locked : StatusCodes.Status401Unauthorized;
        Password = null;
        return Page();
    }
}

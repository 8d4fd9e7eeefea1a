using Dunning.Bot.Core.Ports;
using Dunning.Bot.Hosting;
using Dunning.Bot.Staff.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Dunning.Bot.Staff.Pages;

/// <summary>
/// Sign-in with a local account. An unknown name, a wrong password and a locked account get one answer (401, one
/// message), so the page does not tell which user names exist. Wrong passwords are also counted per client address and
/// per user name typed by the <see cref="IAttemptGuard"/>, across accounts, with a doubling back-off.
/// </summary>
public sealed class SignInModel(StaffAccounts accounts, IAttemptGuard guard, IOptions<StaffOptions> options) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public string? UserName { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    /// <summary>The key of the one answer for a wrong name or password and a locked account or address.</summary>
    internal const string Refused = "signin_refused";

    /// <summary>
    /// Sign-ins: the account's own lockout numbers per user name; an address may fail four times as often before its
    /// back-off, since staff in one office share it.
    /// </summary>
    internal static AttemptKind Kind(StaffOptions options) =>
        new("console sign-in", options.LockoutAttempts, TimeSpan.FromMinutes(options.LockoutMinutes), options.LockoutAttempts * 4);

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var userName = UserName?[..Math.Min(UserName.Length, 256)];
        var keys = new AttemptKeys(Kind(options.Value), ClientAddress.Key(HttpContext.Connection.RemoteIpAddress),
            StaffUserNames.Normalize(userName ?? "") ?? "");
        if (!(await guard.CheckAsync(keys, cancellationToken)).IsRefused)
        {
            var outcome = await accounts.SignInAsync(userName, Password?[..Math.Min(Password.Length, 256)], cancellationToken);
            if (outcome.Result == SignInVerdict.Success)
            {
                guard.Succeed(keys);
                await HttpContext.SignInAsync(StaffSignInCookie.Scheme, StaffSignInCookie.Principal(outcome.Account!));
                return LocalRedirect(ReturnUrl is { } url && Url.IsLocalUrl(url) && url.StartsWith("/console", StringComparison.Ordinal) ? url : "/console");
            }
            await guard.FailAsync(keys, cancellationToken);
        }
        ViewData["Problem"] = HttpContext.RequestServices.GetRequiredService<Wording.ConsoleWords>()[Refused];
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Password = null;
        return Page();
    }
}

using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Dunning.Bot.Staff.Accounts;

/// <summary>
/// The console's cookie: HttpOnly, SameSite=Strict, Secure whenever the request is HTTPS, scoped to <c>/console</c>,
/// sliding expiry of <see cref="StaffOptions.SessionHours"/>. Every request re-checks the account's security stamp, so
/// a deleted account, a new password or a changed role ends older sessions at once.
/// </summary>
public static class StaffSignInCookie
{
    public const string Scheme = "Dunning.Staff";

    public static void Configure(CookieAuthenticationOptions cookie, StaffOptions options)
    {
        ArgumentNullException.ThrowIfNull(cookie);
        ArgumentNullException.ThrowIfNull(options);
        cookie.Cookie.Name = "dunning.console";
        cookie.Cookie.Path = "/console";
        cookie.Cookie.HttpOnly = true;
        cookie.Cookie.SameSite = SameSiteMode.Strict;
        cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        cookie.ExpireTimeSpan = TimeSpan.FromHours(options.SessionHours);
        cookie.SlidingExpiration = true;
        cookie.LoginPath = "/console/signin";
        cookie.LogoutPath = "/console/signout";
        cookie.AccessDeniedPath = "/console/signin";
        cookie.ReturnUrlParameter = "returnUrl";
        cookie.Events.OnRedirectToAccessDenied = context =>
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return Task.CompletedTask;
        };
        cookie.Events.OnValidatePrincipal = ValidateAsync;
    }

    public static ClaimsPrincipal Principal(StaffAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        var identity = new ClaimsIdentity(
        [
            new Claim(ClaimTypes.Name, account.UserName),
            new Claim(ClaimTypes.Role, StaffRoles.Name(account.Role)),
            new Claim(StaffActor.StampClaim, account.SecurityStamp),
        ], Scheme, ClaimTypes.Name, ClaimTypes.Role);
        return new ClaimsPrincipal(identity);
    }

    private static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var name = context.Principal?.Identity?.Name;
        var stamp = context.Principal?.FindFirst(StaffActor.StampClaim)?.Value;
        var store = context.HttpContext.RequestServices.GetRequiredService<IStaffAccountStore>();
        var account = name is null ? null : await store.FindAsync(name, context.HttpContext.RequestAborted);
        if (account is null || account.SecurityStamp != stamp || !context.Principal!.IsInRole(StaffRoles.Name(account.Role)))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(Scheme);
            return;
        }
        // The console's language and the like are read from the account this request already loaded.
        context.HttpContext.Items[typeof(StaffAccount)] = account;
    }
}

using Dunning.Bot.Staff.Accounts;
using Dunning.Bot.Staff.Wording;
using Microsoft.AspNetCore.Mvc;

namespace Dunning.Bot.Staff.Pages;

/// <summary>
/// The language switch in the console's header: stores the choice on the account (it follows the staff member to any
/// browser) and returns to the page it came from. An unsupported language is refused with 400 and changes nothing.
/// </summary>
public sealed class LanguageModel(StaffAccounts accounts, ConsoleLanguage languages) : ConsolePage
{
    public IActionResult OnGet() => Redirect("/console");

    public async Task<IActionResult> OnPostAsync(string? language, string? returnUrl, CancellationToken cancellationToken)
    {
        if (languages.Supported(language) is not { } chosen || chosen != language)
            return BadRequest();
        await accounts.SetLanguageAsync(Actor.UserName, chosen, cancellationToken);
        return LocalRedirect(returnUrl is { } url && Url.IsLocalUrl(url) && url.StartsWith("/console", StringComparison.Ordinal) ? url : "/console");
    }
}

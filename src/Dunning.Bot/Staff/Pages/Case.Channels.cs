using Dunning.Bot.Staff.Actions;
using Microsoft.AspNetCore.Mvc;

namespace Dunning.Bot.Staff.Pages;

/// <summary>The case page's reminder channels (owner only): preferred channel and "always also by e-mail".</summary>
public sealed partial class CaseModel
{
    public async Task<IActionResult> OnPostChannelsAsync(string? preferredChannel, bool alsoByEmail, CancellationToken cancellationToken)
    {
        var result = await actions.SetChannelsAsync(Actor, DebtorId, preferredChannel, alsoByEmail, cancellationToken);
        if (result.Outcome is StaffOutcome.Done or StaffOutcome.Invalid)
            result = result with { Message = result.Succeeded ? "channels_saved" : "channels_invalid" };
        return await OutcomeAsync(result, async () => await LoadAsync(cancellationToken) ? Page() : NotFound());
    }
}

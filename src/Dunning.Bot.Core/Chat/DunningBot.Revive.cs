using Dunning.Bot.Conversations;
using Dunning.Bot.Core.Dialogs;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;
using Microsoft.Extensions.Logging;

namespace Dunning.Bot.Core.Chat;

public sealed partial class DunningBot
{
    /// <summary>
    /// A debtor who writes again from an address marked dead (the bot was blocked, then unblocked; the app reinstalled)
    /// can be reached there again: the address is revived, so reminders and staff messages use it once more.
    /// </summary>
    private async Task<Debtor?> ReviveAddressAsync(Debtor? debtor, Activity activity, CancellationToken cancellationToken)
    {
        if (debtor is null || activity.Type != ActivityTypes.Message || activity.ChannelId is not { } channel
            || debtor.Contact(channel) is not { DeadSince: not null } contact || contact.Address != ChannelAddress.Of(activity))
            return debtor;
        logger.LogInformation("Debtor {DebtorId} wrote again on {Channel}: the address marked dead is used again", debtor.Id, channel);
        return await debtors.UpdateAsync(debtor.Id, d => d.Reach(channel, contact.Address), cancellationToken) ?? debtor;
    }
}

using Dunning.Bot.Core.Dialogs;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;
using Microsoft.Extensions.Logging;

namespace Dunning.Bot.Core.Chat;

public sealed partial class DunningBot
{
    private const int SaveAttempts = 4;

    /// <summary>
    /// Saves the link. When someone else wrote it meanwhile (the console took over, another turn elsewhere), the stored
    /// link is re-read and only what this turn changed is applied to it — theirs wins where both changed a field.
    /// </summary>
    private async Task SaveLinkAsync(ConversationLink link, LinkChanges before, CancellationToken cancellationToken)
    {
        var mine = link;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await conversations.SaveAsync(link, cancellationToken);
                return;
            }
            catch (ConcurrencyConflictException) when (attempt < SaveAttempts)
            {
                var fresh = await conversations.FindAsync(link.Key, cancellationToken);
                if (fresh is null)
                    return;
                logger.LogInformation("Conversation {Key} changed during the turn; re-applying this turn's changes", link.Key);
                before.ApplyTo(mine, fresh);
                link = fresh;
            }
        }
    }
}

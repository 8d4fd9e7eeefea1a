using System.Text.Json;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;

namespace Dunning.Bot.Staff.Actions;

public sealed partial class CaseActions
{
    /// <summary>
    /// Sets the debtor's preferred reminder channel (null or empty: the most recently active chat, else e-mail) and whether
    /// every reminder to a chat also goes by e-mail — the same fields as the owner API and the CSV import (owner only).
    /// </summary>
    public async Task<StaffResult> SetChannelsAsync(StaffActor actor, string debtorId, string? preferred, bool alsoByEmail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsOwner)
            return StaffResult.Forbidden("Only the owner chooses a debtor's channels.");
        var channel = string.IsNullOrWhiteSpace(preferred) ? null : preferred.Trim().ToLowerInvariant();
        if (channel is not null && !ChannelKind.IsKnown(channel))
            return StaffResult.Invalid($"Unknown channel '{Clip(preferred)}': use telegram, msteams, webchat or email.");
        for (var attempt = 1; ; attempt++)
        {
            var debtor = await debtors.FindAsync(debtorId, cancellationToken);
            if (debtor is null)
                return StaffResult.NotFound($"There is no debtor {debtorId}.");
            var before = JsonSerializer.Serialize(new { preferredChannel = debtor.PreferredChannel, alsoByEmail = debtor.AlsoByEmail });
            if (debtor.PreferredChannel == channel && debtor.AlsoByEmail == alsoByEmail)
                return StaffResult.Done("channels_saved");
            debtor.PreferredChannel = channel;
            debtor.AlsoByEmail = alsoByEmail;
            try
            {
                await debtors.SaveAsync(debtor, cancellationToken);
            }
            catch (ConcurrencyConflictException) when (attempt < 3)
            {
                continue;
            }
            catch (ConcurrencyConflictException)
            {
                return StaffResult.Conflict("result_try_again");
            }
            var after = JsonSerializer.Serialize(new { preferredChannel = channel, alsoByEmail });
            await records.WriteAsync(actor, debtorId, "set-channels", $"debtor {debtorId}", before, after,
                new CaseAction(clock.GetUtcNow(), CaseActionKinds.Staff, $"Reminder channels set by {actor.UserName}: preferred {channel ?? "automatic"}, also by e-mail {(alsoByEmail ? "yes" : "no")}",
                    Actor: actor.UserName), cancellationToken);
            return StaffResult.Done("channels_saved");
        }
    }
}

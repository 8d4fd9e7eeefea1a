using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Reminders;

namespace Dunning.Bot.Channels;

/// <summary>
/// A channel that renders reminders itself from the claim statement (e-mail: subject, HTML, GiroCode) instead of
/// sending the chat text. The dispatcher calls it for outbox entries of kind reminder; one attempt, reported like
/// <see cref="IProactiveChannel.SendAsync"/>, plus the plain text that went out (kept in the outbox entry).
/// </summary>
public interface IReminderChannel : IProactiveChannel
{
    Task<(DeliveryResult Result, string Text)> SendReminderAsync(OutboxEntry entry, Debtor debtor, IReadOnlyList<Invoice> about, DunningCase dunningCase,
        CancellationToken cancellationToken);
}

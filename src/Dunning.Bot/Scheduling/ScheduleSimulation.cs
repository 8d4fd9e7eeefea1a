using Dunning.Bot.Conversations;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Core.Reminders;

namespace Dunning.Bot.Scheduling;

/// <summary>
/// Runs the real schedule (sweep, planner, outbox, dispatcher) on a database COPY with a clock that jumps from one due
/// instant to the next, every channel accepting every message and no payments arriving. Debtors without a bound chat get
/// an assumed web chat in the copy, so the owner sees the policy rather than "no address" everywhere.
/// </summary>
internal sealed class ScheduleSimulation(
    IDebtorStore debtors,
    ICaseStore cases,
    IConversationStore conversations,
    IOutbox outbox,
    ScheduleSweep sweep,
    OutboxDispatcher dispatcher,
    Func<DateTimeOffset> now,
    Action<DateTimeOffset> moveClock)
{
    public const string AssumedChannel = ChannelKind.WebChat;

    /// <summary>One line of a debtor's timeline: the instant, what happened and the rule behind it.</summary>
    public sealed record Event(DateTimeOffset At, PlanResult Result);

    /// <summary>Prepares the copy: only the chosen debtors are due (now), each has a chat. Returns the debtors and which chats are assumed.</summary>
    public async Task<IReadOnlyList<(Debtor Debtor, bool AssumedChat)>> PrepareAsync(string? onlyDebtor, CancellationToken cancellationToken)
    {
        var chosen = new List<(Debtor, bool)>();
        foreach (var debtor in await debtors.ListAsync(cancellationToken))
        {
            var included = onlyDebtor is null || debtor.Id == onlyDebtor;
            await cases.UpdateAsync(debtor.Id, c => c.NextActionAt = included ? now() : null, cancellationToken);
            if (!included)
                continue;
            var assumed = (await conversations.ListByDebtorAsync(debtor.Id, cancellationToken)).Count == 0;
            if (assumed)
                await AssumeChatAsync(debtor, cancellationToken);
            chosen.Add((debtor, assumed));
        }
        return chosen;
    }

    /// <summary>Runs until <paramref name="end"/>; returns every planning result with its instant.</summary>
    public async Task<IReadOnlyList<Event>> RunAsync(DateTimeOffset end, CancellationToken cancellationToken)
    {
        var events = new List<Event>();
        for (var step = 0; step < 100_000; step++)
        {
            var at = now();
            await sweep.SweepAsync(at, cancellationToken, r => events.Add(new Event(at, r)));
            await dispatcher.DispatchAsync(cancellationToken);
            var next = await NextInstantAsync(cancellationToken);
            if (next is not { } instant || instant > end)
                break;
            moveClock(instant > at ? instant : at.AddSeconds(1));
        }
        return events;
    }

    private async Task<DateTimeOffset?> NextInstantAsync(CancellationToken cancellationToken)
    {
        var nextCase = (await cases.ListAsync(cancellationToken)).Select(c => c.NextActionAt).Where(n => n is not null).Min();
        var nextEntry = await outbox.NextAttemptAsync(cancellationToken);
        return nextCase is null ? nextEntry : nextEntry is null ? nextCase : nextCase < nextEntry ? nextCase : nextEntry;
    }

    private async Task AssumeChatAsync(Debtor debtor, CancellationToken cancellationToken)
    {
        var address = "simulated-" + debtor.Id;
        if (debtor.Contact(AssumedChannel) is null)
        {
            debtor.Reach(AssumedChannel, address);
            await debtors.SaveAsync(debtor, cancellationToken);
        }
        var link = new ConversationLink
        {
            Key = ConversationLink.KeyFor(AssumedChannel, address),
            Channel = AssumedChannel,
            Reference = new ConversationReference { ChannelId = AssumedChannel, Conversation = new ConversationAccount { Id = address } },
            Language = debtor.Language,
        };
        link.LinkTo(debtor.Id, now());
        await conversations.SaveAsync(link, cancellationToken);
    }
}

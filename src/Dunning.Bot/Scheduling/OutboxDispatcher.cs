using Dunning.Bot.Channels;
using Dunning.Bot.Conversations;
using Dunning.Bot.Core.Cases;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Policies;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Core.Reminders;
using Dunning.Bot.Core.Telemetry;
using Microsoft.Extensions.Options;

namespace Dunning.Bot.Scheduling;

/// <summary>
/// Sends what the outbox holds. Per run it leases a bounded batch, and for each entry, right before sending, re-reads
/// the debtor, the conversation and the invoices and asks <see cref="ContactRules"/> again: an invoice paid, disputed or
/// paused meanwhile is dropped (all dropped → the entry is cancelled and recorded), staff taking over or an opt-out
/// cancels, a cap or quiet hours defer. A reminder is re-rendered with the current amounts. The send goes through the
/// <see cref="IProactiveChannel"/> registered for the entry's channel, within that channel's rate limit.
/// <para>
/// Outcomes: Delivered → sent (attempts, time, channel kept), a <c>reminder</c> case action and LastContactAt, in one
/// transaction with the entry; when the channel confirmed arrival (SMTP, a 2xx, an e-mail copy) also the delivery time and a
/// <c>delivered</c> case action, else (web chat) the receipt that <see cref="DeliveryReceipts"/> later confirms. RetryLater → pending again after the channel's Retry-After or exponential backoff, until
/// <see cref="SchedulingOptions.MaxAttempts"/>. Dead → the contact address is marked dead and the owner gets a
/// <see cref="EscalationReason.DeadChannel"/> escalation. Whenever an entry ends without reaching the debtor, the stages
/// it would have set are restored, its key is released and the case is put up for planning again.
/// </para>
/// <para>
/// At-least-once window: an entry is leased (status sending, lease until now + <see cref="SchedulingOptions.LeaseSeconds"/>)
/// before the channel is called and marked sent after. If the process dies between the channel accepting the message and
/// the mark being committed, that entry — and only entries leased at that moment — is sent again once its lease expires.
/// An entry marked sent is never sent again; an entry never leased is never sent before it is.
/// </para>
/// </summary>
public sealed partial class OutboxDispatcher(
    IOutbox outbox,
    IDebtorStore debtors,
    IInvoiceStore invoices,
    ICaseStore cases,
    IConversationStore conversations,
    ContactRules contact,
    ReminderComposer composer,
    EscalationDesk escalations,
    IEnumerable<IProactiveChannel> channels,
    ChannelRateLimiters limiters,
    DeliveryReceipts receipts,
    IOptions<SchedulingOptions> options,
    TimeProvider clock,
    ILogger<OutboxDispatcher> logger)
{
    private readonly Dictionary<string, IProactiveChannel> byId = channels
        .GroupBy(c => c.ChannelId, StringComparer.OrdinalIgnoreCase)
        .ToDictionary(g => g.Key, g => g.Last(), StringComparer.OrdinalIgnoreCase);

    private const string CopyDelivered = "copy by email delivered";

    private SchedulingOptions Settings => options.Value;

    /// <summary>Dispatches batches until a batch comes back smaller than <see cref="SchedulingOptions.BatchSize"/>.</summary>
    public async Task<DispatchReport> DispatchAsync(CancellationToken cancellationToken)
    {
        // Web chat reminders nobody fetched in time are queued again by e-mail first, so this run sends them.
        await receipts.FallBackAsync(Settings.BatchSize, cancellationToken).ConfigureAwait(false);
        var total = DispatchReport.Empty;
        for (var round = 0; round < 1000; round++)
        {
            var (report, leased) = await DispatchBatchAsync(cancellationToken).ConfigureAwait(false);
            total += report;
            if (leased < Settings.BatchSize)
                break;
        }
        return total;
    }

    /// <summary>
    /// Leases and handles one batch; returns the report and how many entries were leased. Up to
    /// <see cref="SchedulingOptions.DispatchConcurrency"/> debtors are handled at once, each debtor's entries in order.
    /// </summary>
    public async Task<(DispatchReport Report, int Leased)> DispatchBatchAsync(CancellationToken cancellationToken)
    {
        var lease = TimeSpan.FromSeconds(Settings.LeaseSeconds);
        var batch = await outbox.LeaseAsync(clock.GetUtcNow(), Settings.BatchSize, lease, cancellationToken).ConfigureAwait(false);
        var report = DispatchReport.Empty;
        var adding = new Lock();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Settings.DispatchConcurrency, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(batch.GroupBy(e => e.DebtorId, StringComparer.Ordinal), parallel, async (debtor, token) =>
        {
            foreach (var entry in debtor)
            {
                var handled = await HandleOneAsync(entry, token).ConfigureAwait(false);
                lock (adding)
                    report += handled;
            }
        }).ConfigureAwait(false);
        return (report, batch.Count);
    }

    private async Task<DispatchReport> HandleOneAsync(OutboxEntry entry, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            var handled = await HandleAsync(entry, cancellationToken).ConfigureAwait(false);
            DunningMetrics.Delivered(entry.Channel, handled.Outcome);
            return handled;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // One broken entry must not stop the batch; its lease expires and it is tried again (and counted).
            logger.LogError(ex, "Outbox entry {Key} failed unexpectedly; it will be retried after its lease", entry.Key);
            return DispatchReport.Empty;
        }
    }

    private async Task<DispatchReport> HandleAsync(OutboxEntry entry, CancellationToken cancellationToken)
    {
        var debtor = await debtors.FindAsync(entry.DebtorId, cancellationToken).ConfigureAwait(false);
        var link = await conversations.FindAsync(entry.ConversationKey, cancellationToken).ConfigureAwait(false);
        if (debtor is not null && entry.Channel == ChannelKind.Email)
        {
            // E-mail needs no chat: the owner's address is the conversation (see EmailConversation).
            EmailConversation.EnsureContact(debtor);
            link ??= EmailConversation.For(debtor, clock.GetUtcNow());
        }
        if (debtor is null || link is null || link.DebtorId != entry.DebtorId)
            return await CancelAsync(entry, "no_address", [], cancellationToken).ConfigureAwait(false);

        var now = clock.GetUtcNow();
        var about = await InvoicesAsync(entry, cancellationToken).ConfigureAwait(false);
        if (entry.Kind == OutboxKinds.Reminder && about.Count == 0)
            return await CancelAsync(entry, "invoice_missing", [.. entry.InvoiceNumbers], cancellationToken).ConfigureAwait(false);
        var dunningCase = await cases.FindAsync(entry.DebtorId, cancellationToken).ConfigureAwait(false) ?? new DunningCase { DebtorId = entry.DebtorId };
        var links = await conversations.ListByDebtorAsync(entry.DebtorId, cancellationToken).ConfigureAwait(false);
        var decision = contact.Evaluate(new ContactRequest
        {
            Debtor = debtor,
            Channel = entry.Channel,
            Now = now,
            // The e-mail replacing an unfetched web chat reminder is not a second message: the debtor never saw the first.
            RecentProactive = DeliveryReceipts.IsFallback(entry) ? ProactiveHistory.ArrivedSince(dunningCase, now.AddDays(-7))
                : ProactiveHistory.SentSince(dunningCase, now.AddDays(-7)),
            StaffOwnsConversation = link.Handoff != HandoffState.Bot || links.Any(l => l.Handoff != HandoffState.Bot),
            Invoices = about,
        });
        if (decision.Kind == ContactDecisionKind.Suppressed)
            return await CancelAsync(entry, decision.Reason, [.. entry.InvoiceNumbers], cancellationToken).ConfigureAwait(false);
        if (decision.Kind == ContactDecisionKind.Deferred)
            return await DeferAsync(entry, decision.Until!.Value, decision.Reason, cancellationToken).ConfigureAwait(false);

        var dropped = decision.Excluded.Select(e => e.Invoice).ToHashSet(StringComparer.Ordinal);
        var named = about.Where(i => !dropped.Contains(i.Number)).ToList();
        byId.TryGetValue(entry.Channel, out var channel);
        // A reminder channel (e-mail) renders its own message from the statement; the others send the composed text.
        var composed = entry.Kind == OutboxKinds.Reminder && channel is not IReminderChannel
            ? composer.Compose(entry, debtor, dunningCase, named, now)
            : null;
        var text = entry.Kind != OutboxKinds.Reminder ? entry.Text : composed?.Text ?? "";
        if (channel is null)
            return await RetryAsync(entry, DeliveryResult.RetryLater($"no proactive channel '{entry.Channel}' is registered"), cancellationToken).ConfigureAwait(false);
        var permit = await limiters.EnterAsync(entry.Channel, TimeSpan.FromSeconds(Settings.LeaseSeconds / 2.0), cancellationToken).ConfigureAwait(false);
        if (permit is null)
            return await RetryAsync(entry, DeliveryResult.RetryLater("channel rate limit", TimeSpan.FromSeconds(1)), cancellationToken, countAttempt: false).ConfigureAwait(false);

        DeliveryResult result;
        await using (permit.ConfigureAwait(false))
        {
            try
            {
                if (channel is IReminderChannel own && entry.Kind == OutboxKinds.Reminder)
                    (result, text) = await own.SendReminderAsync(entry, debtor, named, dunningCase, cancellationToken).ConfigureAwait(false);
                else
                    // The reminder's language, not the locale the debtor's client sent last (the web chat page follows it).
                    result = await channel.SendAsync(link.Reference, [new Activity { Type = ActivityTypes.Message, Text = text, Locale = entry.Language }], cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                result = DeliveryResult.RetryLater($"{ex.GetType().Name}: {ex.Message}");
            }
        }
        var copy = result.Status == DeliveryStatus.Delivered ? await CopyByEmailAsync(entry, debtor, named, dunningCase, cancellationToken).ConfigureAwait(false) : null;
        return result.Status switch
        {
            DeliveryStatus.Delivered => await MarkSentAsync(entry, text, dropped, composed?.Offer, result.Receipt, cancellationToken, copy).ConfigureAwait(false),
            DeliveryStatus.Dead => await DeadAsync(entry, result.Detail ?? "dead", cancellationToken).ConfigureAwait(false),
            _ => await RetryAsync(entry, result, cancellationToken).ConfigureAwait(false),
        };
    }

    /// <summary>
    /// The e-mail copy of a reminder delivered to a chat, for a debtor who wants every reminder also by e-mail. One
    /// attempt; its outcome goes into the case history with the reminder, a failure never holds the reminder back.
    /// </summary>
    private async Task<string?> CopyByEmailAsync(OutboxEntry entry, Debtor debtor, IReadOnlyList<Invoice> named, DunningCase dunningCase,
        CancellationToken cancellationToken)
    {
        if (entry.Kind != OutboxKinds.Reminder || entry.Channel == ChannelKind.Email || !debtor.AlsoByEmail
            || !byId.TryGetValue(ChannelKind.Email, out var channel) || channel is not IReminderChannel email
            || EmailConversation.EnsureContact(debtor) is not { CanReceiveProactive: true })
            return null;
        try
        {
            var (result, _) = await email.SendReminderAsync(entry, debtor, named, dunningCase, cancellationToken).ConfigureAwait(false);
            return result.Status == DeliveryStatus.Delivered ? CopyDelivered : $"copy by email failed: {result.Detail}";
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "The e-mail copy of {Key} failed", entry.Key);
            return $"copy by email failed: {ex.GetType().Name}";
        }
    }

    private async Task<IReadOnlyList<Invoice>> InvoicesAsync(OutboxEntry entry, CancellationToken cancellationToken)
    {
        var found = new List<Invoice>(entry.Items.Count);
        foreach (var item in entry.Items)
        {
            if (await invoices.FindAsync(item.InvoiceNumber, cancellationToken).ConfigureAwait(false) is { } invoice && invoice.DebtorId == entry.DebtorId)
                found.Add(invoice);
        }
        return found;
    }
}

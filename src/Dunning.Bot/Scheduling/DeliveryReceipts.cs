using System.Globalization;
using Dunning.Bot.Channels;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Core.Reminders;
using Microsoft.Extensions.Options;

namespace Dunning.Bot.Scheduling;

/// <summary>
/// Makes "delivered" true for web chat: a reminder appended to a conversation's log is only sent; it is delivered when
/// a client fetches it (a poll or the stream hands out the activities up to a watermark at or past it). Then the entry
/// gets its delivery time and the case history a <see cref="CaseActionKinds.Delivered"/> action. A reminder nobody
/// fetched within <see cref="SchedulingOptions.WebChatFallbackHours"/> goes again by e-mail when the debtor has an
/// address and the e-mail channel is on (<see cref="FallBackAsync"/>); until one of them arrives, stages that require a
/// delivered reminder wait (see <c>DunningStage.RequiresDelivery</c>).
/// </summary>
public sealed class DeliveryReceipts(
    IOutboxReceipts receipts,
    IOutbox outbox,
    ICaseStore cases,
    IDebtorStore debtors,
    IEnumerable<IProactiveChannel> channels,
    IOptions<SchedulingOptions> options,
    TimeProvider clock,
    ILogger<DeliveryReceipts> logger)
{
    private const int WriteAttempts = 5;

    /// <summary>Appended to the key of the web chat reminder an e-mail fallback replaces.</summary>
    private const string FallbackSuffix = ">email";

    /// <summary>How many recent fetches are remembered for messages marked sent just after they were handed out.</summary>
    private const int RememberedFetches = 10_000;

    /// <summary>
    /// The highest watermark each web chat conversation was handed recently. The stream can push a reminder before the
    /// dispatcher has marked it sent and awaiting receipt; <see cref="SentAsync"/> then confirms it from here.
    /// </summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, long> handedOut = new(StringComparer.Ordinal);

    private readonly bool emailOn = channels.Any(c => string.Equals(c.ChannelId, ChannelKind.Email, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// A web chat client was handed the activities of <paramref name="conversationId"/> up to <paramref name="watermark"/>:
    /// every entry waiting there whose activity is at or before it is delivered now. Returns how many.
    /// </summary>
    public async Task<int> FetchedAsync(string conversationId, long watermark, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        if (handedOut.Count >= RememberedFetches)
            handedOut.Clear(); // a bounded memory; a fetch forgotten here is confirmed by the client's next poll or stream
        handedOut.AddOrUpdate(conversationId, watermark, (_, known) => Math.Max(known, watermark));
        var key = ConversationLink.KeyFor(ChannelKind.WebChat, conversationId);
        var delivered = 0;
        foreach (var entry in await receipts.ListAwaitingReceiptAsync(key, cancellationToken).ConfigureAwait(false))
        {
            if (SequenceOf(entry.Receipt) is not { } sequence || sequence > watermark)
                continue;
            var now = clock.GetUtcNow();
            entry.DeliveredAt = now;
            if (await SaveAsync(entry, c => 
            {
                RecordDelivery(c, entry, now, ChannelKind.WebChat, "fetched by the web chat client");
                // A stage may have been waiting for this delivery: plan the case again now.
                if (entry.Kind == OutboxKinds.Reminder)
                    c.NextActionAt = now;
            }, cancellationToken).ConfigureAwait(false))
            {
                delivered++;
                logger.LogInformation("{Key} was fetched in web chat {Conversation}: delivered", entry.Key, conversationId);
            }
        }
        return delivered;
    }

    /// <summary>
    /// Called once <paramref name="entry"/> is marked sent and awaiting its receipt: when its web chat client was already
    /// handed it (the stream pushes as soon as the message is appended), it is delivered now.
    /// </summary>
    public async Task SentAsync(OutboxEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.Receipt is not { } receipt || receipt.LastIndexOf('|') is not (var bar and > 0)
            || SequenceOf(receipt) is not { } sequence)
            return;
        var conversationId = receipt[..bar];
        if (handedOut.TryGetValue(conversationId, out var watermark) && watermark >= sequence)
            await FetchedAsync(conversationId, watermark, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Hands every web chat reminder unfetched for <see cref="SchedulingOptions.WebChatFallbackHours"/> to the e-mail
    /// fallback: a new e-mail entry with the same invoices and stages (enqueued with a case note), once per reminder. Without
    /// an e-mail channel or address the reminder keeps waiting for its fetch, and the case says so once.
    /// </summary>
    public async Task<int> FallBackAsync(int limit, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var hours = options.Value.WebChatFallbackHours;
        var handed = 0;
        foreach (var entry in await receipts.ListFallbackDueAsync(now.AddHours(-hours), limit, cancellationToken).ConfigureAwait(false))
        {
            var debtor = entry.Kind == OutboxKinds.Reminder ? await debtors.FindAsync(entry.DebtorId, cancellationToken).ConfigureAwait(false) : null;
            var email = debtor is not null && emailOn ? EmailConversation.EnsureContact(debtor) is { CanReceiveProactive: true } ? EmailConversation.For(debtor, now) : null : null;
            if (email is not null && await EnqueueEmailAsync(entry, email, hours, now, cancellationToken).ConfigureAwait(false))
                handed++;
            entry.FallbackAt = now;
            var note = email is null ? $"{entry.Kind} {entry.MessageKey} not fetched in web chat within {hours} h; no e-mail fallback (no address or the e-mail channel is off)" : null;
            await SaveAsync(entry, c =>
            {
                if (note is not null && entry.Kind == OutboxKinds.Reminder)
                    c.Record(new CaseAction(now, CaseActionKinds.Suppressed, note, entry.Channel, entry.InvoiceNumbers, "schedule"));
            }, cancellationToken).ConfigureAwait(false);
        }
        return handed;
    }

    /// <summary>Whether <paramref name="entry"/> is the e-mail fallback of an unfetched web chat reminder.</summary>
    public static bool IsFallback(OutboxEntry entry) =>
        entry.Channel == ChannelKind.Email && entry.Key.Contains(FallbackSuffix, StringComparison.Ordinal);

    /// <summary>The delivery in the case history: where and when the reminder arrived (reminders only; other kinds keep it on the entry).</summary>
    internal static void RecordDelivery(DunningCase dunningCase, OutboxEntry entry, DateTimeOffset at, string channel, string how)
    {
        if (entry.Kind != OutboxKinds.Reminder)
            return;
        dunningCase.Record(new CaseAction(at, CaseActionKinds.Delivered, $"{entry.Kind} {entry.MessageKey} delivered: {how}", channel, entry.InvoiceNumbers, "schedule"));
    }

    private async Task<bool> EnqueueEmailAsync(OutboxEntry entry, ConversationLink email, int hours, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var copy = new OutboxEntry
        {
            Key = entry.Key + FallbackSuffix,
            DebtorId = entry.DebtorId,
            Kind = entry.Kind,
            Channel = ChannelKind.Email,
            ConversationKey = email.Key,
            Language = entry.Language,
            MessageKey = entry.MessageKey,
            Text = "",
            // The stages were reached when the web chat reminder went out; the fallback failing must not put them back.
            Items = [.. entry.Items.Select(i => i with { PreviousStage = i.Stage })],
            CreatedAt = now,
            NextAttemptAt = now,
        };
        for (var attempt = 1; ; attempt++)
        {
            var dunningCase = await cases.FindAsync(entry.DebtorId, cancellationToken).ConfigureAwait(false) ?? new DunningCase { DebtorId = entry.DebtorId };
            dunningCase.Record(new CaseAction(now, CaseActionKinds.Suppressed,
                $"{entry.Kind} {entry.MessageKey} not fetched in web chat within {hours} h; sent again by e-mail", entry.Channel, entry.InvoiceNumbers, "schedule"));
            try
            {
                return await outbox.EnqueueAsync(copy, dunningCase, cancellationToken).ConfigureAwait(false);
            }
            catch (ConcurrencyConflictException) when (attempt < WriteAttempts)
            {
            }
        }
    }

    /// <summary>Saves the entry with a change to the fresh case in one transaction; false when another writer changed the entry first.</summary>
    private async Task<bool> SaveAsync(OutboxEntry entry, Action<DunningCase> change, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var dunningCase = await cases.FindAsync(entry.DebtorId, cancellationToken).ConfigureAwait(false) ?? new DunningCase { DebtorId = entry.DebtorId };
            change(dunningCase);
            try
            {
                return await outbox.CompleteAsync(entry, dunningCase, cancellationToken).ConfigureAwait(false);
            }
            catch (ConcurrencyConflictException) when (attempt < WriteAttempts)
            {
            }
        }
    }

    /// <summary>The sequence of a web chat activity id (<c>{conversation}|{sequence}</c>); null for anything else.</summary>
    private static long? SequenceOf(string? receipt) =>
        receipt is not null && receipt.LastIndexOf('|') is var bar and >= 0
        && long.TryParse(receipt.AsSpan(bar + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var sequence) ? sequence : null;
}

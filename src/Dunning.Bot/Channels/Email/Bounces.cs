using Dunning.Bot.Core.Cases;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Core.Reminders;
using MimeKit;

namespace Dunning.Bot.Channels.Email;

/// <summary>
/// Bounce reports (RFC 3464 delivery status notifications) read from the mailbox. A report that a message of ours
/// failed permanently (<c>Action: failed</c>, status 5.x.x) marks the debtor's e-mail address dead, records it in the
/// case, tells the owner (a dead-channel escalation) and has the case planned again at once; a bounced reminder is
/// undone first (<see cref="BouncedReminders"/>), so its stage goes out again on another channel that can deliver. Delays (4.x.x) and reports about messages that are not ours change nothing.
/// </summary>
public sealed class Bounces(
    IEmailStore store, IDebtorStore debtors, ICaseStore cases, EscalationDesk desk, BouncedReminders reminders, TimeProvider clock, ILogger<Bounces> logger)
{
    public static bool IsReport(MimeMessage message) =>
        message?.Body is MultipartReport { ReportType: var type } && string.Equals(type, "delivery-status", StringComparison.OrdinalIgnoreCase);

    public async Task<string> HandleAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Body is not MultipartReport report)
            return "bounce_transient";
        var status = report.OfType<MessageDeliveryStatus>().FirstOrDefault();
        var failures = status?.StatusGroups.Skip(1)
            .Where(g => string.Equals(g["Action"]?.Trim(), "failed", StringComparison.OrdinalIgnoreCase) && (g["Status"]?.Trim() ?? "").StartsWith('5'))
            .ToList() ?? [];
        if (failures.Count == 0)
            return "bounce_transient";
        var original = OriginalMessageId(report);
        if (store.FindSent(original) is not { } sent)
        {
            logger.LogInformation("A bounce report about a message that is not ours ({MessageId}) was ignored", original);
            return "bounce_unknown";
        }
        var detail = $"e-mail bounced: {failures[0]["Status"]?.Trim()} {failures[0]["Diagnostic-Code"]?.Trim()}".Trim();
        if (store.OutboxKeyOf(original) is { } key)
            await reminders.ReverseAsync(key, detail, cancellationToken).ConfigureAwait(false);
        await MarkDeadAsync(sent.DebtorId, detail, cancellationToken).ConfigureAwait(false);
        return "bounce";
    }

    /// <summary>Marks the debtor's e-mail address dead, records why, alerts the owner and re-plans the case now (once: a repeated report changes nothing).</summary>
    public async Task MarkDeadAsync(string debtorId, string detail, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var already = false;
        await debtors.UpdateAsync(debtorId, d =>
        {
            if (EmailConversation.EnsureContact(d) is { } contact)
            {
                already = contact.DeadSince is not null;
                contact.DeadSince ??= now;
                contact.DeadReason = detail.Length > 300 ? detail[..300] : detail;
            }
        }, cancellationToken).ConfigureAwait(false);
        if (already)
            return; // a second report about a dead address: the case and the owner know already
        await cases.UpdateAsync(debtorId, c =>
        {
            c.Record(new CaseAction(now, CaseActionKinds.Suppressed, detail, ChannelKind.Email, Actor: "schedule"));
            c.NextActionAt = now;
        }, cancellationToken).ConfigureAwait(false);
        await desk.RaiseAsync(debtorId, EscalationReason.DeadChannel, $"{ChannelKind.Email}: {detail}", null, EmailConversation.KeyFor(debtorId), cancellationToken)
            .ConfigureAwait(false);
        logger.LogWarning("The e-mail address of {Debtor} is dead: {Detail}", debtorId, detail);
    }

    /// <summary>The Message-ID of the returned message (its headers or the whole message are part of the report).</summary>
    private static string? OriginalMessageId(MultipartReport report)
    {
        foreach (var part in report)
        {
            if (part is MessagePart { Message: { } returned })
                return returned.MessageId;
            if (part is MimePart { ContentType.MimeType: var type } headers && type.Equals("text/rfc822-headers", StringComparison.OrdinalIgnoreCase)
                && headers.Content is { } content)
            {
                using var stream = content.Open();
                var list = HeaderList.Load(stream);
                if (list[HeaderId.MessageId] is { } id)
                    return MimeKit.Utils.MimeUtils.EnumerateReferences(id).FirstOrDefault();
            }
        }
        return null;
    }
}

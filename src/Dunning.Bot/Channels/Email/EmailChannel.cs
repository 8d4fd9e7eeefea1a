using Dunning.Bot.Conversations;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Core.Reminders;

namespace Dunning.Bot.Channels.Email;

/// <summary>
/// The e-mail channel for the outbox (channel id <c>email</c>). A reminder is rendered from the claim statement
/// (<see cref="EmailComposer.Reminder"/>); any other proactive message (a follow-up, a staff answer) becomes a letter,
/// continuing the debtor's last e-mail thread when there is one. Delivered means the SMTP server accepted it.
/// </summary>
public sealed class EmailChannel(
    EmailComposer composer, SmtpMailer mailer, IEmailStore store, IDebtorStore debtors, InvoiceDocuments documents, ICaseStore cases, TimeProvider clock)
    : IReminderChannel
{
    public string ChannelId => ChannelKind.Email;

    public async Task<(DeliveryResult Result, string Text)> SendReminderAsync(OutboxEntry entry, Debtor debtor, IReadOnlyList<Invoice> about,
        DunningCase dunningCase, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(debtor);
        if (!EmailAddresses.IsDeliverable(debtor.Email))
            return (DeliveryResult.Dead("no valid e-mail address"), "");
        var attached = new List<InvoiceDocument>();
        foreach (var invoice in about)
        {
            if (await documents.FetchAsync(invoice, cancellationToken).ConfigureAwait(false) is { } document)
                attached.Add(document);
        }
        var mail = composer.Reminder(entry, debtor, about, dunningCase, clock.GetUtcNow(), [.. attached.Where(d => d.Content is not null)]);
        mail.Message.Date = clock.GetUtcNow();
        var result = await mailer.SendAsync(mail.Message, cancellationToken).ConfigureAwait(false);
        if (result.Status == DeliveryStatus.Delivered && attached.Where(d => d.Problem is not null).ToList() is { Count: > 0 } missing)
            await TellStaffAsync(debtor.Id, missing, cancellationToken).ConfigureAwait(false);
        return (result, mail.Text);
    }

    /// <summary>A document that could not be attached never holds the reminder back; the case history says which and why.</summary>
    private async Task TellStaffAsync(string debtorId, IReadOnlyList<InvoiceDocument> missing, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await cases.UpdateAsync(debtorId, c =>
        {
            foreach (var document in missing)
                c.Record(new CaseAction(now, CaseActionKinds.AttachmentMissing,
                    $"Reminder e-mail sent without the document of invoice {document.InvoiceNumber}: {document.Problem}", ChannelKind.Email,
                    [document.InvoiceNumber], "schedule"));
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends <paramref name="activities"/> as one letter to the debtor named by the reference's conversation id.</summary>
    public async Task<DeliveryResult> SendAsync(ConversationReference reference, IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(activities);
        if (reference.ChannelId != ChannelKind.Email || reference.Conversation?.Id is not { Length: > 0 } debtorId)
            return DeliveryResult.Dead($"Not an e-mail conversation: {reference.ChannelId}/{reference.Conversation?.Id}");
        var debtor = await debtors.FindAsync(debtorId, cancellationToken).ConfigureAwait(false);
        if (debtor is null || !EmailAddresses.IsDeliverable(debtor.Email))
            return DeliveryResult.Dead("no valid e-mail address");
        var language = reference.Locale is { Length: >= 2 } locale && Debtor.Languages.Contains(locale[..2]) ? locale[..2] : debtor.Language;
        var now = clock.GetUtcNow();
        var messages = activities.Where(a => a.Type == ActivityTypes.Message).ToList();
        if (messages.Count == 0)
            return DeliveryResult.Delivered;
        var mail = store.LastThread(debtor.Id) is { } thread
            ? composer.Answer(debtor, language, messages, thread, now)
            : composer.FollowUp(debtor, language, string.Join("\n\n", messages.Select(m => m.Text)), now);
        return await mailer.SendAsync(mail.Message, cancellationToken).ConfigureAwait(false);
    }
}

using Dunning.Bot.Conversations;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Core.Reminders;
using Dunning.Bot.Uploads;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Dunning.Bot.Channels.Email;

/// <summary>
/// Decides what one message from the mailbox is and handles it: our own copy (ignored), a bounce report (RFC 3464:
/// the address is marked dead, see <see cref="Bounces"/>), an auto-reply (RFC 3834, out-of-office: never answered), a
/// reply of a debtor (matched by the reply token in the address it was sent to or by the Message-ID it answers —
/// never by its From — then stripped of quotes and signature and run as a turn of the bot, answered in the thread; its
/// attachments travel with the turn as files, see InboundMail.Attachments.cs),
/// or anything else (ignored: an unknown sender learns nothing). Returns the outcome, one word.
/// </summary>
public sealed partial class InboundMail(
    IEmailStore store,
    EmailAdapter adapter,
    EmailComposer composer,
    SmtpMailer mailer,
    IDebtorStore debtors,
    IConversationStore conversations,
    Bounces bounces,
    IOptions<EmailOptions> options,
    TimeProvider clock,
    ILogger<InboundMail> logger,
    IOptions<UploadOptions> uploads)
{
    public async Task<string> HandleAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (IsOwn(message))
            return "own";
        if (Bounces.IsReport(message))
            return await bounces.HandleAsync(message, cancellationToken).ConfigureAwait(false);
        if (IsAutomatic(message))
            return "auto_reply";
        var debtorId = MatchDebtor(message);
        if (debtorId is null)
        {
            logger.LogInformation("E-mail {MessageId} matches no debtor (no reply token, no known thread); not answered", message.MessageId);
            return "unmatched";
        }
        var debtor = await debtors.FindAsync(debtorId, cancellationToken).ConfigureAwait(false);
        if (debtor is null || !EmailAddresses.IsDeliverable(debtor.Email))
            return "unmatched";
        var text = ReplyText.Strip(BodyText(message), options.Value.MaxReplyChars);
        var files = FilesOf(message, uploads.Value);
        if (text.Length == 0 && files.Count == 0)
            return "empty";
        if (IsGarbled(text))
            return "unreadable";
        return await ConverseAsync(message, debtor, text, files, cancellationToken).ConfigureAwait(false);
    }

    private async Task<string> ConverseAsync(MimeMessage message, Debtor debtor, string text, IReadOnlyList<IncomingFile> files, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var link = await conversations.FindAsync(EmailConversation.KeyFor(debtor.Id), cancellationToken).ConfigureAwait(false);
        if (link is null)
        {
            link = EmailConversation.For(debtor, now)!;
            await conversations.SaveAsync(link, cancellationToken).ConfigureAwait(false);
        }
        var messageId = string.IsNullOrWhiteSpace(message.MessageId) ? $"{Guid.NewGuid():N}@inbound" : message.MessageId;
        var thread = new EmailThread(messageId, [.. message.References], message.Subject);
        store.RememberThread(debtor.Id, thread);
        store.RememberReceived(messageId, debtor.Id, message.Subject);
        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            Id = messageId,
            ChannelId = ChannelKind.Email,
            Conversation = new ConversationAccount(debtor.Id),
            From = new ChannelAccount(debtor.Email!, debtor.Name),
            Recipient = new ChannelAccount("bot") { Role = "bot" },
            Text = text,
            Locale = link.Language,
            Timestamp = now,
            Attachments = files.Count > 0 ? [.. files.Select(IncomingFiles.Describe)] : null,
        };
        var replies = await adapter.ProcessAsync(activity, files, cancellationToken).ConfigureAwait(false);
        if (replies.Count == 0)
            return "answered_nothing";
        var language = (await conversations.FindAsync(link.Key, cancellationToken).ConfigureAwait(false))?.Language ?? link.Language;
        var answer = composer.Answer(debtor, language, replies, thread, clock.GetUtcNow());
        var sent = await mailer.SendAsync(answer.Message, cancellationToken).ConfigureAwait(false);
        if (sent.Status != DeliveryStatus.Delivered)
            logger.LogWarning("The answer to e-mail {MessageId} of {Debtor} could not be sent: {Detail}", messageId, debtor.Id, sent.Detail);
        return sent.Status == DeliveryStatus.Delivered ? "answered" : "answer_failed";
    }

    /// <summary>Our own message (a copy in a shared mailbox, or a loop): sent from our address or with one of our Message-IDs.</summary>
    private bool IsOwn(MimeMessage message)
    {
        if (store.FindSent(message.MessageId) is not null)
            return true;
        var ours = EmailAddresses.Normalize(composer.Sender().Address);
        return message.From.Mailboxes.Any(m => EmailAddresses.Normalize(m.Address) == ours);
    }

    /// <summary>The debtor by reply token (the plus-address it was sent to) or by the message it answers; null if none or they disagree.</summary>
    private string? MatchDebtor(MimeMessage message)
    {
        var reply = composer.ReplyAddress("x");
        var mailbox = reply.Address.Replace("+x@", "@", StringComparison.Ordinal);
        var byToken = message.To.Mailboxes.Concat(message.Cc.Mailboxes)
            .Concat(HeaderAddresses(message, "Delivered-To")).Concat(HeaderAddresses(message, "X-Original-To"))
            .Select(m => EmailAddresses.PlusTag(m.Address, mailbox)).Where(t => t is not null)
            .Select(store.DebtorByToken).Where(d => d is not null).Distinct(StringComparer.Ordinal).ToList();
        var byThread = new[] { message.InReplyTo }.Concat(message.References)
            .Select(id => store.FindSent(id)?.DebtorId).Where(d => d is not null).Distinct(StringComparer.Ordinal).ToList();
        var all = byToken.Concat(byThread).Distinct(StringComparer.Ordinal).ToList();
        if (all.Count > 1)
            logger.LogWarning("E-mail {MessageId} points at several debtors (token and thread disagree); not answered", message.MessageId);
        return all.Count == 1 ? all[0] : null;
    }

    private static IEnumerable<MailboxAddress> HeaderAddresses(MimeMessage message, string header) =>
        message.Headers.Where(h => h.Field.Equals(header, StringComparison.OrdinalIgnoreCase))
            .SelectMany(h => InternetAddressList.TryParse(h.Value, out var list) ? list.Mailboxes : []);

    /// <summary>Text that did not decode (a wrong charset or broken transfer encoding): replacement or control characters.</summary>
    internal static bool IsGarbled(string text) =>
        text.Count(c => c == '\uFFFD' || (char.IsControl(c) && c is not ('\n' or '\r' or '\t'))) * 10 > text.Length;

    /// <summary>The plain-text body, or the HTML body turned into text when there is no plain part.</summary>
    internal static string BodyText(MimeMessage message)
    {
        if (message.TextBody is { Length: > 0 } plain)
            return plain;
        return message.HtmlBody is { Length: > 0 } html ? HtmlText.Convert(html) : "";
    }
}

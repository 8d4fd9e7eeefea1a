using System.Diagnostics;
using System.Net;
using Dunning.Bot.Channels.Email;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;
using MimeKit;
using MimeKit.Utils;

namespace Dunning.Bot.Tests.Channels.Email;

/// <summary>
/// E-mail is a conversation channel: replies are read over IMAP from a real mail server, matched by the reply token,
/// answered by the same dialogs as a chat message in the same thread; auto-replies are never answered, bounce reports
/// mark the address dead, one-click unsubscribe stops reminder e-mails.
/// </summary>
public sealed class ConversationsByEmail(MailServer server) : IClassFixture<MailServer>
{
    [MailServerFact]
    public async Task A_reply_that_says_the_money_was_sent_gets_the_claim_paid_answer_by_email_in_the_same_thread()
    {
        using var world = new EmailWorld(server);
        await world.DebtorAsync("K-400", "Bäckerei Korn GmbH", "korn@baeckerei-korn.test");
        await world.RemindAsync();
        var reminder = Assert.Single(await RemindersByEmail.MailTo(world, "korn@baeckerei-korn.test", 1));

        var reply = Reply(reminder, "korn@baeckerei-korn.test",
            "Ich habe gestern überwiesen.\n\nMit freundlichen Grüßen\nK. Korn\n\nAm 16.11.2026 um 10:30 schrieb Muster Handwerk:\n> Sehr geehrte Damen und Herren,");
        await server.SendAsync(reply);

        Assert.Equal("answered", await HandledAsync(world, reply));
        var answer = Assert.Single(await RemindersByEmail.MailTo(world, "korn@baeckerei-korn.test", 2), m => m.InReplyTo == reply.MessageId);
        Assert.Equal("Re: " + reminder.Subject, answer.Subject);
        Assert.Contains(reply.MessageId, answer.References);
        Assert.Contains(reminder.MessageId, answer.References);
        Assert.Equal("auto-replied", answer.Headers["Auto-Submitted"]);
        Assert.Contains("Ich lasse Ihre Zahlung zur Rechnung RE-2026-0815 prüfen", answer.TextBody, StringComparison.Ordinal);
        var transcript = await world.Get<ITranscriptStore>().ListByDebtorAsync("K-400", 100, CancellationToken.None);
        Assert.Contains(transcript, t => t.Text == "Ich habe gestern überwiesen." && t.ConversationKey == EmailConversationKey("K-400"));
    }

    [MailServerFact]
    public async Task An_out_of_office_reply_is_recognised_and_never_answered()
    {
        using var world = new EmailWorld(server);
        await world.DebtorAsync("K-401", "Ferien GmbH", "chef@ferien.test");
        await world.RemindAsync();
        var reminder = Assert.Single(await RemindersByEmail.MailTo(world, "chef@ferien.test", 1));

        var auto = Reply(reminder, "chef@ferien.test", "Ich bin bis zum 30.11. nicht im Büro und habe keinen Zugriff auf E-Mails.");
        auto.Subject = "Abwesenheitsnotiz: " + reminder.Subject;
        auto.Headers.Add("Auto-Submitted", "auto-replied");
        await server.SendAsync(auto);
        var plain = Reply(reminder, "chef@ferien.test", "Bin im Urlaub.");
        plain.Subject = "Out of Office: " + reminder.Subject;
        await server.SendAsync(plain);

        Assert.Equal("auto_reply", await HandledAsync(world, auto));
        Assert.Equal("auto_reply", await HandledAsync(world, plain));
        Assert.Single(await RemindersByEmail.MailTo(world, "chef@ferien.test", 1));
    }

    [MailServerFact]
    public async Task A_bounce_report_marks_the_address_dead_and_alerts_the_owner()
    {
        using var world = new EmailWorld(server);
        await world.DebtorAsync("K-402", "Weg GmbH", "weg@weg-gmbh.test");
        await world.RemindAsync();
        var reminder = Assert.Single(await RemindersByEmail.MailTo(world, "weg@weg-gmbh.test", 1));

        var bounce = Dsn(reminder, "weg@weg-gmbh.test", "5.1.1", "smtp; 550 5.1.1 User unknown");
        await server.SendAsync(bounce);

        Assert.Equal("bounce", await HandledAsync(world, bounce));
        var contact = (await world.DebtorAsync("K-402")).Contact(ChannelKind.Email)!;
        Assert.NotNull(contact.DeadSince);
        Assert.Contains("5.1.1", contact.DeadReason, StringComparison.Ordinal);
        var escalations = await world.Get<IEscalationStore>().ListByDebtorAsync("K-402", CancellationToken.None);
        Assert.Contains(escalations, e => e.Reason == EscalationReason.DeadChannel);
    }

    [MailServerFact]
    public async Task One_click_unsubscribe_stops_reminder_emails_but_not_the_claim_and_tells_staff()
    {
        using var world = new EmailWorld(server);
        await world.DebtorAsync("K-403", "Ruhe GmbH", "ruhe@ruhe-gmbh.test");
        await world.RemindAsync();
        var reminder = Assert.Single(await RemindersByEmail.MailTo(world, "ruhe@ruhe-gmbh.test", 1));
        var url = new Uri(reminder.Headers[HeaderId.ListUnsubscribe]!.Trim('<', '>'));

        using var page = await world.Http.GetAsync(new Uri(url.PathAndQuery, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Null((await world.DebtorAsync("K-403")).Contact(ChannelKind.Email)?.OptedOutAt);
        using var click = await world.Http.PostAsync(new Uri(url.PathAndQuery, UriKind.Relative),
            new StringContent("List-Unsubscribe=One-Click", System.Text.Encoding.ASCII, "application/x-www-form-urlencoded"));
        Assert.Equal(HttpStatusCode.OK, click.StatusCode);
        using var forged = await world.Http.PostAsync(new Uri("/email/unsubscribe?t=aaaaaaaaaaaaaaaa", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);

        Assert.NotNull((await world.DebtorAsync("K-403")).Contact(ChannelKind.Email)!.OptedOutAt);
        Assert.Contains(await world.Get<IEscalationStore>().ListByDebtorAsync("K-403", CancellationToken.None), e => e.Reason == EscalationReason.OptOut);
        Assert.Equal(InvoiceStatus.Open, (await world.Get<IInvoiceStore>().FindAsync("RE-2026-0815", CancellationToken.None))!.StatusAt(world.Clock.GetUtcNow()));
        world.Clock.Advance(TimeSpan.FromDays(14));
        await world.Get<ICaseStore>().TouchAsync("K-403", world.Clock.GetUtcNow(), CancellationToken.None);
        var later = await world.RemindAsync();
        Assert.Equal(0, later.Sent);
        Assert.Single(await RemindersByEmail.MailTo(world, "ruhe@ruhe-gmbh.test", 1));
    }

    internal static MimeMessage Reply(MimeMessage reminder, string from, string text)
    {
        var reply = new MimeMessage();
        reply.From.Add(new MailboxAddress("", from));
        reply.To.Add(reminder.ReplyTo.Mailboxes.Single());
        reply.Subject = "Re: " + reminder.Subject;
        reply.MessageId = MimeUtils.GenerateMessageId(from[(from.IndexOf('@') + 1)..]);
        reply.InReplyTo = reminder.MessageId;
        reply.References.Add(reminder.MessageId!);
        reply.Body = new TextPart("plain") { Text = text };
        return reply;
    }

    internal static MimeMessage Dsn(MimeMessage original, string recipient, string status, string diagnostic)
    {
        var report = new MultipartReport("delivery-status");
        report.Add(new TextPart("plain") { Text = "Your message could not be delivered." });
        var fields = new MessageDeliveryStatus();
        fields.StatusGroups.Add(new HeaderList { { "Reporting-MTA", "dns; mx.example.test" } });
        fields.StatusGroups.Add(new HeaderList
        {
            { "Final-Recipient", $"rfc822; {recipient}" }, { "Action", "failed" }, { "Status", status }, { "Diagnostic-Code", diagnostic },
        });
        report.Add(fields);
        report.Add(new MessagePart { Message = original });
        var bounce = new MimeMessage();
        bounce.From.Add(new MailboxAddress("Mail Delivery System", "mailer-daemon@mx.example.test"));
        bounce.To.Add(original.From.Mailboxes.Single());
        bounce.Subject = "Undelivered Mail Returned to Sender";
        bounce.MessageId = MimeUtils.GenerateMessageId("mx.example.test");
        bounce.Headers.Add("Auto-Submitted", "auto-replied");
        bounce.Body = report;
        return bounce;
    }

    /// <summary>Polls the mailbox until the message is handled; returns its outcome.</summary>
    internal static async Task<string?> HandledAsync(EmailWorld world, MimeMessage message)
    {
        var store = world.Get<IEmailStore>();
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(30))
        {
            await world.PollAsync();
            if (store.HandledAs("mid:" + message.MessageId) is { } outcome && outcome != "handling")
                return outcome;
            await Task.Delay(200);
        }
        return null;
    }

    private static string EmailConversationKey(string debtorId) => Core.Reminders.EmailConversation.KeyFor(debtorId);
}

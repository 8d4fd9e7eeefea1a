using System.Text;
using MimeKit;
using MimeKit.Utils;

namespace Dunning.Bot.Tests.Channels.Email;

/// <summary>
/// Bad and hostile mail in the real mailbox: each gets a clear, safe outcome — nothing revealed, nothing answered
/// twice, the poller never stuck. Only a reply with the debtor's token or thread is answered, and only to the
/// debtor's own address.
/// </summary>
public sealed class Hostile_mail(MailServer server) : IClassFixture<MailServer>
{
    [MailServerFact]
    public async Task A_reply_without_a_token_or_thread_and_a_forged_From_are_not_answered()
    {
        using var world = new EmailWorld(server);
        await world.DebtorAsync("K-500", "Echt GmbH", "echt@echt-gmbh.test");
        await world.RemindAsync();

        var stranger = Mail("echt@echt-gmbh.test", "rechnung@muster-handwerk.test", "Wie hoch ist meine Rechnung?", "Bitte nennen Sie mir den offenen Betrag.");
        await server.SendAsync(stranger);

        Assert.Equal("unmatched", await ConversationsByEmail.HandledAsync(world, stranger));
        Assert.Single(await RemindersByEmail.MailTo(world, "echt@echt-gmbh.test", 1));
    }

    [MailServerFact]
    public async Task A_reply_that_quotes_another_debtors_reminder_answers_no_one()
    {
        using var world = new EmailWorld(server);
        await world.DebtorAsync("K-501", "Erste GmbH", "erste@erste.test", number: "RE-2026-0501");
        await world.DebtorAsync("K-502", "Zweite GmbH", "zweite@zweite.test", number: "RE-2026-0502");
        await world.RemindAsync();
        var first = Assert.Single(await RemindersByEmail.MailTo(world, "erste@erste.test", 1));
        var second = Assert.Single(await RemindersByEmail.MailTo(world, "zweite@zweite.test", 1));

        var mixed = ConversationsByEmail.Reply(first, "zweite@zweite.test", "Was ist mit der Rechnung?");
        mixed.InReplyTo = second.MessageId;
        mixed.References.Clear();
        mixed.References.Add(second.MessageId!);
        await server.SendAsync(mixed);

        Assert.Equal("unmatched", await ConversationsByEmail.HandledAsync(world, mixed));
        Assert.Single(await RemindersByEmail.MailTo(world, "erste@erste.test", 1));
        Assert.Single(await RemindersByEmail.MailTo(world, "zweite@zweite.test", 1));
    }

    [MailServerFact]
    public async Task A_forged_From_with_a_valid_token_is_answered_only_at_the_debtors_own_address()
    {
        using var world = new EmailWorld(server);
        await world.DebtorAsync("K-503", "Ziel GmbH", "ziel@ziel.test");
        await world.RemindAsync();
        var reminder = Assert.Single(await RemindersByEmail.MailTo(world, "ziel@ziel.test", 1));

        var forged = ConversationsByEmail.Reply(reminder, "angreifer@evil.test", "Wie hoch ist der offene Betrag?");
        await server.SendAsync(forged);

        Assert.Equal("answered", await ConversationsByEmail.HandledAsync(world, forged));
        Assert.Empty(await RemindersByEmail.MailTo(world, "angreifer@evil.test", 0));
        Assert.Equal(2, (await RemindersByEmail.MailTo(world, "ziel@ziel.test", 2)).Count);
    }

    [MailServerFact]
    public async Task An_HTML_only_reply_in_a_Latin1_charset_is_read_and_the_same_message_twice_is_answered_once()
    {
        using var world = new EmailWorld(server);
        await world.DebtorAsync("K-504", "Html GmbH", "html@html-gmbh.test");
        await world.RemindAsync();
        var reminder = Assert.Single(await RemindersByEmail.MailTo(world, "html@html-gmbh.test", 1));

        var reply = ConversationsByEmail.Reply(reminder, "html@html-gmbh.test", "");
        var html = new TextPart("html");
        html.SetText(Encoding.Latin1, "<html><body><p>Ich habe gestern &uuml;berwiesen.</p><blockquote>Sehr geehrte Damen und Herren, RE-2026-0815</blockquote></body></html>");
        reply.Body = html;
        await server.SendAsync(reply);
        await server.SendAsync(reply);

        Assert.Equal("answered", await ConversationsByEmail.HandledAsync(world, reply));
        await world.PollAsync();
        var answers = (await RemindersByEmail.MailTo(world, "html@html-gmbh.test", 2)).Where(m => m.InReplyTo == reply.MessageId).ToList();
        var answer = Assert.Single(answers);
        Assert.Contains("RE-2026-0815", answer.TextBody, StringComparison.Ordinal);
    }

    [MailServerFact]
    public async Task Malformed_MIME_and_a_huge_attachment_are_skipped_and_the_next_reply_is_still_answered()
    {
        using var world = new EmailWorld(server, new() { ["Email:MaxInboundBytes"] = "200000" });
        await world.DebtorAsync("K-505", "Kaputt GmbH", "kaputt@kaputt.test");
        await world.RemindAsync();
        var reminder = Assert.Single(await RemindersByEmail.MailTo(world, "kaputt@kaputt.test", 1));
        var to = reminder.ReplyTo.Mailboxes.Single().Address;

        var brokenId = MimeUtils.GenerateMessageId("kaputt.test");
        var raw = $"From: kaputt@kaputt.test\r\nTo: {to}\r\nMessage-ID: <{brokenId}>\r\nSubject: =?utf-8?B?!!!kaputt?=\r\n"
            + "Content-Type: multipart/mixed; boundary=\"nie-geschlossen\"\r\n\r\n--nie-geschlossen\r\nContent-Type: text/plain; charset=x-unbekannt\r\n"
            + "Content-Transfer-Encoding: base64\r\n\r\n%%%% kein base64 %%%%\r\n";
        await server.SendRawAsync("kaputt@kaputt.test", to, Encoding.ASCII.GetBytes(raw));
        var huge = ConversationsByEmail.Reply(reminder, "kaputt@kaputt.test", "Anbei die Überweisung.");
        var body = new BodyBuilder { TextBody = "Anbei die Überweisung." };
        body.Attachments.Add("scan.pdf", new byte[400_000], new ContentType("application", "pdf"));
        huge.Body = body.ToMessageBody();
        await server.SendAsync(huge);
        var fine = ConversationsByEmail.Reply(reminder, "kaputt@kaputt.test", "Wie kann ich bezahlen?");
        await server.SendAsync(fine);

        Assert.Equal("answered", await ConversationsByEmail.HandledAsync(world, fine));
        var store = world.Get<Dunning.Bot.Channels.Email.IEmailStore>();
        Assert.Contains(store.HandledAs("mid:" + brokenId), new[] { "unreadable", "empty" });
        Assert.Null(store.HandledAs("mid:" + huge.MessageId));
        var answers = (await RemindersByEmail.MailTo(world, "kaputt@kaputt.test", 2)).Where(m => m.InReplyTo is not null).ToList();
        Assert.Equal(fine.MessageId, Assert.Single(answers).InReplyTo);
    }

    private static MimeMessage Mail(string from, string to, string subject, string text)
    {
        var mail = new MimeMessage();
        mail.From.Add(MailboxAddress.Parse(from));
        mail.To.Add(MailboxAddress.Parse(to));
        mail.Subject = subject;
        mail.MessageId = MimeUtils.GenerateMessageId("test");
        mail.Body = new TextPart("plain") { Text = text };
        return mail;
    }
}

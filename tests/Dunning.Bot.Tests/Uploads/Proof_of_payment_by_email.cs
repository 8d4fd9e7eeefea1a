using Dunning.Bot.Channels.Email;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Tests.Channels.Email;
using Dunning.Bot.Uploads;
using MimeKit;

namespace Dunning.Bot.Tests.Uploads;

/// <summary>
/// Attachments on e-mail replies: a reply read over IMAP from a real mail server (smtp4dev) carries its attachments into
/// the turn; the bot keeps a transfer confirmation, refuses a fake one in its answer, and which parts count as files is
/// decided on MimeKit-built messages.
/// </summary>
public sealed class Proof_of_payment_by_email(MailServer server) : IClassFixture<MailServer>
{
    [MailServerFact]
    public async Task A_reply_with_the_transfer_confirmation_attached_is_answered_and_the_file_kept()
    {
        using var world = new EmailWorld(server);
        var reminder = await RemindedAsync(world, "K-900", "korn@baeckerei-korn.test");

        var reply = WithAttachment(ConversationsByEmail.Reply(reminder, "korn@baeckerei-korn.test", "Ich habe gestern 480 Euro überwiesen, anbei der Beleg."),
            "Beleg.pdf", "application/pdf", SampleFiles.Pdf);
        await server.SendAsync(reply);

        Assert.Equal("answered", await ConversationsByEmail.HandledAsync(world, reply));
        var answer = Assert.Single(await RemindersByEmail.MailTo(world, "korn@baeckerei-korn.test", 2), m => m.InReplyTo == reply.MessageId);
        Assert.Contains("Überweisungsbestätigung (Beleg.pdf) erhalten", answer.TextBody, StringComparison.Ordinal);
        var proof = Assert.Single(await world.Get<IProofStore>().ListAsync("K-900", CancellationToken.None));
        Assert.Equal(("application/pdf", "email"), (proof.ContentType, proof.Channel));
        Assert.Contains((await world.Get<ICaseStore>().FindAsync("K-900", CancellationToken.None))!.History, a => a.Kind == CaseActionKinds.ProofOfPayment);
    }

    [MailServerFact]
    public async Task A_fake_pdf_attached_to_a_reply_is_refused_in_the_answer_and_not_kept()
    {
        using var world = new EmailWorld(server);
        var reminder = await RemindedAsync(world, "K-901", "chef@fake.test");

        var reply = WithAttachment(ConversationsByEmail.Reply(reminder, "chef@fake.test", "Ich habe gestern 480 Euro überwiesen."),
            "Beleg.pdf", "application/pdf", SampleFiles.FakePdf);
        await server.SendAsync(reply);

        Assert.Equal("answered", await ConversationsByEmail.HandledAsync(world, reply));
        var answer = Assert.Single(await RemindersByEmail.MailTo(world, "chef@fake.test", 2), m => m.InReplyTo == reply.MessageId);
        Assert.Contains("Diese Datei ist nicht das, was ihr Name oder Typ angibt", answer.TextBody, StringComparison.Ordinal);
        Assert.Empty(await world.Get<IProofStore>().ListAsync("K-901", CancellationToken.None));
    }

    [Fact]
    public void Attached_and_pasted_files_count_but_the_text_and_quoted_messages_do_not()
    {
        var message = new MimeMessage();
        var body = new Multipart("mixed")
        {
            new TextPart("plain") { Text = "anbei" },
            new TextPart("html") { Text = "<p>anbei</p>" },
            Part("beleg.pdf", "application/pdf", SampleFiles.Pdf, ContentDisposition.Attachment),
            Part("image001.png", "image/png", SampleFiles.Png, ContentDisposition.Inline),
            Part("notiz.txt", "text/plain", "hallo"u8.ToArray(), ContentDisposition.Attachment),
            new MessagePart { Message = new MimeMessage { Subject = "quoted", Body = new TextPart("plain") { Text = "old" } } },
        };
        message.Body = body;

        var files = InboundMail.FilesOf(message, new UploadOptions());

        Assert.Equal(["beleg.pdf", "image001.png", "notiz.txt"], files.Select(f => f.Name));
        Assert.Equal(["application/pdf", "image/png", "text/plain"], files.Select(f => f.DeclaredType));
    }

    [Fact]
    public async Task An_attachment_above_the_limit_is_held_without_its_content_and_reads_as_too_large()
    {
        var message = new MimeMessage { Body = new Multipart("mixed") { new TextPart("plain") { Text = "x" }, Part("big.pdf", "application/pdf", SampleFiles.PdfOfSize(5000), ContentDisposition.Attachment) } };

        var file = Assert.Single(InboundMail.FilesOf(message, new UploadOptions { MaxFileBytes = 4096 }));

        Assert.True((await file.ReadAsync(4096, CancellationToken.None)).IsTooLarge);
    }

    private static async Task<MimeMessage> RemindedAsync(EmailWorld world, string id, string email)
    {
        await world.DebtorAsync(id, "Bäckerei Korn GmbH", email);
        await world.RemindAsync();
        return Assert.Single(await RemindersByEmail.MailTo(world, email, 1));
    }

    private static MimeMessage WithAttachment(MimeMessage reply, string name, string type, byte[] content)
    {
        reply.Body = new Multipart("mixed") { reply.Body!, Part(name, type, content, ContentDisposition.Attachment) };
        return reply;
    }

    private static MimePart Part(string name, string type, byte[] content, string disposition) => new(type)
    {
        Content = new MimeContent(new MemoryStream(content)),
        ContentDisposition = new ContentDisposition(disposition) { FileName = name },
        ContentTransferEncoding = ContentEncoding.Base64,
        FileName = name,
    };
}

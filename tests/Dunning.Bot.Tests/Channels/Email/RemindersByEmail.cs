using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;
using MimeKit;

namespace Dunning.Bot.Tests.Channels.Email;

/// <summary>
/// A debtor no chat can reach gets the first reminder by e-mail, submitted over SMTP to a real mail server and read
/// back over IMAP: everything a careful German business puts in a reminder, in German and in English.
/// </summary>
public sealed class RemindersByEmail(MailServer server) : IClassFixture<MailServer>
{
    [MailServerFact]
    public async Task A_debtor_without_a_chat_gets_the_first_reminder_by_email_with_every_part_a_German_reminder_needs()
    {
        using var world = new EmailWorld(server);
        await world.DebtorAsync("K-100", "Bäckerei Korn GmbH", "buchhaltung@baeckerei-korn.test");

        var report = await world.RemindAsync();

        Assert.Equal(1, report.Sent);
        var mail = Assert.Single(await MailTo(world, "buchhaltung@baeckerei-korn.test", 1));
        Assert.Equal("Zahlungserinnerung: Rechnung RE-2026-0815 – Muster Handwerk GmbH", mail.Subject);
        Assert.Equal(EmailWorld.From, mail.From.Mailboxes.Single().Address);
        var replyTo = mail.ReplyTo.Mailboxes.Single().Address;
        Assert.Matches(@"^rechnung\+[a-z2-9]{16}@muster-handwerk\.test$", replyTo);
        Assert.Equal("auto-generated", mail.Headers["Auto-Submitted"]);
        Assert.Equal("List-Unsubscribe=One-Click", mail.Headers["List-Unsubscribe-Post"]);
        Assert.Matches(@"^<https://zahlung\.muster-handwerk\.test/email/unsubscribe\?t=[a-z2-9]{16}>$", mail.Headers[HeaderId.ListUnsubscribe]);

        var debtor = await world.DebtorAsync("K-100");
        var text = mail.TextBody;
        foreach (var part in new[]
        {
            "Sehr geehrte Damen und Herren,", "Rechnung RE-2026-0815 vom 01.10.2026, fällig am 15.10.2026", "1.190,00 €",
            "Verzugszinsen", "Zahlungsfrist:", "Kontoinhaber: Muster Handwerk GmbH", "IBAN: DE89 3704 0044 0532 0130 00", "BIC: COBADEFFXXX",
            "Verwendungszweck: RE-2026-0815", "https://zahlung.muster-handwerk.test/chat?t=", $"Ihr Zugangscode: {debtor.AccessCode}",
            "Muster Handwerk GmbH", "Hauptstraße 5", "80331 München", "Telefon: +49 89 1234567", "Amtsgericht München HRB 123456",
            "Anna Muster, Buchhaltung", "Mit freundlichen Grüßen", "betrachten Sie es bitte als gegenstandslos",
        })
            Assert.Contains(part, text, StringComparison.Ordinal);

        var html = mail.HtmlBody;
        Assert.Contains("<img src=\"cid:girocode@dunning.bot\"", html, StringComparison.Ordinal);
        Assert.Contains("IBAN: DE89 3704 0044 0532 0130 00", html, StringComparison.Ordinal);
        Assert.Contains("Rechnung RE-2026-0815 vom 01.10.2026", html, StringComparison.Ordinal);
        var image = Assert.Single(mail.BodyParts.OfType<MimePart>(), p => p.ContentId == "girocode@dunning.bot");
        Assert.Equal("image/png", image.ContentType.MimeType);
        using var png = new MemoryStream();
        await image.Content!.DecodeToAsync(png);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png.ToArray()[..4]);

        var history = (await world.Get<ICaseStore>().FindAsync("K-100", CancellationToken.None))!.History;
        Assert.Contains(history, a => a.Kind == CaseActionKinds.Reminder && a.Channel == ChannelKind.Email);
    }

    [MailServerFact]
    public async Task A_contact_person_is_addressed_by_name_and_an_English_debtor_reads_English()
    {
        using var world = new EmailWorld(server);
        await world.DebtorAsync("K-200", "Harbour Tools Ltd", "accounts@harbour-tools.test", language: "en", contactPerson: "Miller", salutation: "Ms",
            number: "RE-2026-0900", total: 480m);
        await world.DebtorAsync("K-201", "Holzbau Weber KG", "weber@holzbau-weber.test", contactPerson: "Weber", salutation: "Frau",
            number: "RE-2026-0901", total: 250m);

        await world.RemindAsync();

        var english = Assert.Single(await MailTo(world, "accounts@harbour-tools.test", 1));
        Assert.Equal("Payment reminder: invoice RE-2026-0900 – Muster Handwerk GmbH", english.Subject);
        Assert.StartsWith("Dear Ms Miller,", english.TextBody, StringComparison.Ordinal);
        Assert.Contains("€480.00", english.TextBody, StringComparison.Ordinal);
        Assert.Contains("Your access code:", english.TextBody, StringComparison.Ordinal);
        var german = Assert.Single(await MailTo(world, "weber@holzbau-weber.test", 1));
        Assert.StartsWith("Sehr geehrte Frau Weber,", german.TextBody, StringComparison.Ordinal);
    }

    [MailServerFact]
    public async Task Names_are_escaped_in_the_HTML_part_and_a_consumer_is_greeted_by_name()
    {
        using var world = new EmailWorld(server);
        await world.DebtorAsync("K-202", "Tom <b>& Jerry</b>", "tom@jerry.test", kind: "consumer", number: "RE-2026-0902", total: 99m);

        await world.RemindAsync();

        var mail = Assert.Single(await MailTo(world, "tom@jerry.test", 1));
        Assert.StartsWith("Guten Tag Tom <b>& Jerry</b>,", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("<p>Guten Tag Tom &lt;b&gt;&amp; Jerry&lt;/b&gt;,</p>", mail.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>&", mail.HtmlBody, StringComparison.Ordinal);
    }

    [MailServerFact]
    public async Task A_debtor_without_any_address_is_reported_to_the_owner_instead_of_being_skipped_silently()
    {
        using var world = new EmailWorld(server);
        await world.DebtorAsync("K-300", "Ohne Adresse GmbH", email: null!, number: "RE-2026-0300");

        var report = await world.RemindAsync();

        Assert.Equal(0, report.Sent);
        var escalations = await world.Get<IEscalationStore>().ListByDebtorAsync("K-300", CancellationToken.None);
        Assert.Contains(escalations, e => e.Reason == EscalationReason.DeadChannel && (e.Detail ?? "").Contains("Unreachable", StringComparison.Ordinal));
    }

    internal static async Task<IReadOnlyList<MimeMessage>> MailTo(IMailbox world, string address, int atLeast)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var mine = (await world.Server.MessagesAsync()).Where(m => m.To.Mailboxes.Any(b => b.Address == address)).ToList();
            if (mine.Count >= atLeast || watch.Elapsed > TimeSpan.FromSeconds(30))
                return mine;
            await Task.Delay(200);
        }
    }
}

/// <summary>Something that can read the test mail server (an <see cref="EmailWorld"/>, or the server alone).</summary>
internal interface IMailbox
{
    MailServer Server { get; }
}

using Dunning.Bot.Channels.Email;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Staff.Live;
using MimeKit;

namespace Dunning.Bot.Tests.Channels.Email;

/// <summary>
/// E-mail is the owner's third alert channel beside the Telegram and Teams owner chats: each alert (or the digest) goes
/// to <c>Email:OwnerAlerts:To</c> through the real mail server, in the configured language, with the case linked.
/// </summary>
public sealed class Owner_alerts_by_email(MailServer server) : IClassFixture<MailServer>
{
    private static readonly DateTimeOffset At = new(2026, 11, 16, 9, 30, 0, TimeSpan.Zero);

    [MailServerFact]
    public async Task An_alert_reaches_the_owner_by_email_in_German_with_the_case_linked_and_no_reply_token()
    {
        using var world = new EmailWorld(server, new() { ["Email:OwnerAlerts:To"] = "chefin@muster-handwerk.test" });

        await world.Get<IOwnerNotifier>().NotifyAsync(new OwnerAlert("K-1", "Bäckerei Korn GmbH", EscalationReason.Dispute, EscalationPriority.Urgent,
            "Escalated (Dispute, Urgent): Die Lieferung war unvollständig.", "E-20261116-abc", At), CancellationToken.None);

        var mail = Assert.Single(await RemindersByEmail.MailTo(world, "chefin@muster-handwerk.test", 1));
        Assert.Equal("DRINGEND: Bäckerei Korn GmbH – Forderung bestritten", mail.Subject);
        foreach (var part in new[]
        {
            "Schuldner: Bäckerei Korn GmbH", "Anlass: Forderung bestritten", "Priorität: dringend", "Vorgang: E-20261116-abc",
            "Die Lieferung war unvollständig.", "https://zahlung.muster-handwerk.test/console/cases/K-1",
        })
            Assert.Contains(part, mail.TextBody, StringComparison.Ordinal);
        Assert.Equal("auto-generated", mail.Headers["Auto-Submitted"]);
        Assert.Empty(mail.ReplyTo);
        Assert.Null(mail.Headers[HeaderId.ListUnsubscribe]);
    }

    [MailServerFact]
    public async Task An_owner_who_reads_English_gets_the_alert_in_English()
    {
        using var world = new EmailWorld(server, new()
        {
            ["Email:OwnerAlerts:To"] = "owner@muster-handwerk.test",
            ["Email:OwnerAlerts:Language"] = "en",
        });

        await world.Get<IOwnerNotifier>().NotifyAsync(new OwnerAlert("K-2", "Harbour Tools Ltd", EscalationReason.RequestHuman, EscalationPriority.High,
            "Escalated (RequestHuman, High)", null, At), CancellationToken.None);

        var mail = Assert.Single(await RemindersByEmail.MailTo(world, "owner@muster-handwerk.test", 1));
        Assert.Equal("Important: Harbour Tools Ltd – Asks to talk to a person", mail.Subject);
        Assert.Contains("Priority: high", mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Escalation:", mail.TextBody, StringComparison.Ordinal);
    }

    [MailServerFact]
    public async Task In_digest_mode_the_owner_gets_one_email_listing_every_alert_and_every_debtor_no_channel_can_reach()
    {
        using var world = new EmailWorld(server, new()
        {
            ["Email:OwnerAlerts:To"] = "digest@muster-handwerk.test",
            ["Staff:AlertMode"] = "Digest",
        });
        await world.DebtorAsync("K-300", "Ohne Adresse GmbH", email: null!, number: "RE-2026-0300");
        await world.RemindAsync(); // no address: the planner raises a dead-channel escalation
        var notifier = world.Get<IOwnerNotifier>();
        await notifier.NotifyAsync(new OwnerAlert("K-4", "Holzbau Weber KG", EscalationReason.Hardship, EscalationPriority.High, "Hardship", null, At),
            CancellationToken.None);
        await notifier.NotifyAsync(new OwnerAlert("K-5", "Tom & Jerry", EscalationReason.ClaimedPaid, EscalationPriority.Normal, "Claimed paid", null, At),
            CancellationToken.None);
        Assert.Empty(await RemindersByEmail.MailTo(world, "digest@muster-handwerk.test", 0));

        await world.Get<AlertDigest>().FlushAsync(CancellationToken.None);

        var mail = Assert.Single(await RemindersByEmail.MailTo(world, "digest@muster-handwerk.test", 1));
        Assert.Equal("Zusammenfassung: 3 neue Hinweise, 1 nicht erreichbar", mail.Subject);
        var text = mail.TextBody ?? "";
        Assert.Contains("• Holzbau Weber KG – Finanzielle Notlage gemeldet (Priorität hoch)", text, StringComparison.Ordinal);
        Assert.Contains("• Tom & Jerry – Zahlung gemeldet (Priorität normal)", text, StringComparison.Ordinal);
        Assert.Contains("• Ohne Adresse GmbH – Nicht erreichbar", text, StringComparison.Ordinal);
        Assert.Contains("Diese Schuldner erreichen wir derzeit auf keinem Weg", text, StringComparison.Ordinal);
        Assert.Contains("• Ohne Adresse GmbH: keine Adresse hinterlegt (seit 16.11.2026)", text, StringComparison.Ordinal);
        Assert.Contains("https://zahlung.muster-handwerk.test/console/cases/K-300", text, StringComparison.Ordinal);
        Assert.True(text.IndexOf("Holzbau", StringComparison.Ordinal) < text.IndexOf("Tom & Jerry", StringComparison.Ordinal), "highest priority first");

        await world.Get<AlertDigest>().FlushAsync(CancellationToken.None);
        Assert.Single(await RemindersByEmail.MailTo(world, "digest@muster-handwerk.test", 1));
    }

    [MailServerFact]
    public async Task A_debtor_with_a_dead_address_is_listed_as_undeliverable_in_the_English_digest()
    {
        using var world = new EmailWorld(server, new()
        {
            ["Email:OwnerAlerts:To"] = "digest-en@muster-handwerk.test",
            ["Email:OwnerAlerts:Language"] = "en",
            ["Staff:AlertMode"] = "Digest",
        });
        await world.DebtorAsync("K-310", "Gone Away Ltd", "nobody@gone-away.test", number: "RE-2026-0310");
        await world.Get<Bounces>().MarkDeadAsync("K-310", "e-mail bounced: 5.1.1", CancellationToken.None);

        await world.Get<AlertDigest>().FlushAsync(CancellationToken.None);

        var mail = Assert.Single(await RemindersByEmail.MailTo(world, "digest-en@muster-handwerk.test", 1));
        Assert.Equal("Summary: one new alert, 1 unreachable", mail.Subject);
        Assert.Contains("• Gone Away Ltd: undeliverable: e-mail (since 16 November 2026)", mail.TextBody, StringComparison.Ordinal);
    }

    [MailServerFact]
    public async Task Without_an_owner_address_no_alert_goes_by_email()
    {
        using var world = new EmailWorld(server);

        await world.Get<IOwnerNotifier>().NotifyAsync(new OwnerAlert("K-6", "Niemand GmbH", EscalationReason.Dispute, EscalationPriority.Urgent,
            "Escalated", null, At), CancellationToken.None);

        Assert.DoesNotContain(await server.MessagesAsync(), m => m.Subject?.Contains("Niemand GmbH", StringComparison.Ordinal) == true);
    }

    [Theory]
    [InlineData("not an address", "de")]
    [InlineData("Chefin <chefin@example.com>, noch@example.com", "de")]
    [InlineData("chefin@example.com", "fr")]
    public void A_malformed_owner_address_or_an_unknown_language_stops_the_start_with_a_clear_message(string to, string language)
    {
        var options = new EmailOptions
        {
            Enabled = true, From = "rechnung@example.com", Smtp = { Host = "smtp.example.com" },
            OwnerAlerts = { To = to, Language = language },
        };

        var result = new EmailOptionsValidation().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("Email:OwnerAlerts:", result.FailureMessage, StringComparison.Ordinal);
    }
}

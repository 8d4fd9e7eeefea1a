using Dunning.Bot.Channels.Email;
using MimeKit;

namespace Dunning.Bot.Tests.Channels.Email;

/// <summary>What a reply says, whether a machine wrote it, and which options and addresses the channel accepts.</summary>
public sealed class Reading_replies
{
    [Theory]
    [InlineData("Ich habe gestern überwiesen.\n\nAm 16.11.2026 um 10:30 schrieb Muster Handwerk <rechnung@x.test>:\n> Sehr geehrte", "Ich habe gestern überwiesen.")]
    [InlineData("Paid yesterday.\r\n\r\nOn Mon, 16 Nov 2026 at 10:30, Muster <r@x.test> wrote:\r\n> Dear", "Paid yesterday.")]
    [InlineData("Bitte Raten.\n-----Ursprüngliche Nachricht-----\nVon: Muster", "Bitte Raten.")]
    [InlineData("Bitte Raten.\nVon: Muster Handwerk <r@x.test>\nGesendet: Montag", "Bitte Raten.")]
    [InlineData("Wie bezahlen?\n-- \nKarl Korn\nGeschäftsführer", "Wie bezahlen?")]
    [InlineData("Wie bezahlen?\n\nMit freundlichen Grüßen\nKarl Korn", "Wie bezahlen?")]
    [InlineData("Thanks, will pay Friday.\n\nKind regards,\nJane", "Thanks, will pay Friday.")]
    [InlineData("Ok\n\nGesendet von meinem iPhone", "Ok")]
    [InlineData("> nur Zitat\n> noch mehr", "")]
    [InlineData("Erste Zeile\n\n\n\n\nZweite Zeile", "Erste Zeile\n\nZweite Zeile")]
    public void Quotes_signatures_and_closings_are_cut_from_a_reply(string body, string expected) =>
        Assert.Equal(expected, ReplyText.Strip(body, 2000));

    [Fact]
    public void A_long_reply_is_cut_to_the_configured_length() => Assert.Equal(100, ReplyText.Strip(new string('a', 5000), 100).Length);

    [Theory]
    [InlineData("Auto-Submitted", "auto-replied", "Re: Rechnung", true)]
    [InlineData("Auto-Submitted", "no", "Re: Rechnung", false)]
    [InlineData("Precedence", "bulk", "Re: Rechnung", true)]
    [InlineData("X-Autoreply", "yes", "Re: Rechnung", true)]
    [InlineData("List-Id", "<news.example.test>", "Newsletter", true)]
    [InlineData("X-Mailer", "Thunderbird", "Automatische Antwort: Rechnung", true)]
    [InlineData("X-Mailer", "Outlook", "Abwesenheitsnotiz", true)]
    [InlineData("X-Mailer", "Outlook", "Out of Office: invoice", true)]
    [InlineData("X-Mailer", "Outlook", "Re: Zahlungserinnerung", false)]
    public void Mail_a_machine_wrote_is_recognised_by_its_headers_or_subject(string header, string value, string subject, bool automatic)
    {
        var mail = new MimeMessage { Subject = subject };
        mail.Headers.Add(header, value);
        Assert.Equal(automatic, InboundMail.IsAutomatic(mail));
    }

    [Fact]
    public void HTML_is_read_as_text_without_scripts_styles_or_the_quoted_message()
    {
        var text = HtmlText.Convert("<html><head><style>p{}</style></head><body><p>Ich zahle &amp; danke.</p><script>alert(1)</script>"
            + "<blockquote>alt <b>zitiert</b></blockquote><div>Gruß<br>Korn</div><p>kaputt <b");
        Assert.Contains("Ich zahle & danke.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("alert", text, StringComparison.Ordinal);
        Assert.DoesNotContain("zitiert", text, StringComparison.Ordinal);
        Assert.DoesNotContain("p{}", text, StringComparison.Ordinal);
        Assert.Contains("Korn", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("korn@baeckerei.test", true)]
    [InlineData("Korn <korn@baeckerei.test>", false)]
    [InlineData("korn@localhost", false)]
    [InlineData("korn@@baeckerei.test", false)]
    [InlineData("korn@baeckerei.test, eve@evil.test", false)]
    [InlineData("", false)]
    public void Only_one_plain_address_with_a_dotted_domain_is_deliverable(string address, bool deliverable) =>
        Assert.Equal(deliverable, EmailAddresses.IsDeliverable(address));

    [Fact]
    public void The_plus_tag_is_read_only_from_our_own_mailbox()
    {
        Assert.Equal("abc", EmailAddresses.PlusTag("Rechnung+abc@Muster.test", "rechnung@muster.test"));
        Assert.Null(EmailAddresses.PlusTag("rechnung+abc@evil.test", "rechnung@muster.test"));
        Assert.Null(EmailAddresses.PlusTag("rechnung@muster.test", "rechnung@muster.test"));
    }

    [Fact]
    public void The_channel_is_off_by_default_and_names_every_missing_setting_when_turned_on()
    {
        Assert.Empty(EmailOptionsValidation.Problems(new EmailOptions()));
        var problems = EmailOptionsValidation.Problems(new EmailOptions
        {
            Enabled = true,
            From = "not an address",
            Imap = new ImapOptions { Host = "imap.test", PollSeconds = 1 },
            Dkim = new DkimOptions { Domain = "muster.test" },
            Smtp = new SmtpOptions { Password = "geheim-123" },
        });
        Assert.Contains(problems, p => p.Contains("Email:Smtp:Host", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("Email:From", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("PollSeconds", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("Dkim", StringComparison.Ordinal));
        Assert.DoesNotContain(problems, p => p.Contains("geheim-123", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Ich habe gestern überwiesen.", false)]
    [InlineData("\uFFFD\uFFFD\uFFFD\u0001\u0002abc", true)]
    public void Text_that_did_not_decode_is_recognised(string text, bool garbled) => Assert.Equal(garbled, InboundMail.IsGarbled(text));
}

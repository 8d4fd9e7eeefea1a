using System.Text;
using Dunning.Bot.Conversations;

namespace Dunning.Bot.Tests.Channels.Telegram;

public sealed class Replies_become_telegram_messages : TelegramChannelTestBase
{
    // A 1x1 PNG.
    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    [Fact]
    public async Task A_long_text_is_split_into_messages_of_at_most_4096_characters_without_breaking_words()
    {
        var words = Enumerable.Range(1, 1200).Select(i => $"Wort{i}").ToArray();
        var text = string.Join(' ', words);
        Bot.Script["lang"] = [Activity.CreateMessage(text)];

        Server.EnqueueMessage(Anna, "lang");
        await UntilAsync(() => Server.SentMessages.Count >= 3);
        await Task.Delay(1500, Ct); // a fourth part would arrive by now

        var parts = Server.SentMessages.Select(m => m.Text).ToArray();
        Assert.Equal(3, parts.Length);
        Assert.All(parts, p => Assert.InRange(p.Length, 1, 4096));
        Assert.Equal(words, parts.SelectMany(p => p.Split(' ')));
    }

    [Fact]
    public async Task Text_with_markup_characters_goes_out_as_plain_text_unchanged()
    {
        const string text = "Rechnung <RE-1> & *Mahnung* _2_ [Link](x) 5 < 6";
        Bot.Script["markup"] = [Activity.CreateMessage(text)];

        Server.EnqueueMessage(Anna, "markup");
        await UntilAsync(() => Server.SentMessages.Count == 1);

        Assert.Equal(text, Server.SentMessages[0].VisibleText);
        Assert.Null(Server.SentMessages[0].ParseMode);
    }

    [Fact]
    public async Task A_png_data_uri_becomes_a_photo_and_a_pdf_a_document_with_the_buttons_under_the_last()
    {
        var reply = RecordingBot.WithButtons("Ihr GiroCode:", "Danke");
        reply.Attachments =
        [
            new Attachment { ContentType = "image/png", ContentUrl = "data:image/png;base64," + Convert.ToBase64String(Png), Name = "girocode.png" },
            new Attachment { ContentType = "application/pdf", ContentUrl = "data:application/pdf;base64," + Convert.ToBase64String(Encoding.ASCII.GetBytes("%PDF-1.4 test")), Name = "RE-2026-0101.pdf" },
        ];
        Bot.Script["zahlen"] = [reply];

        Server.EnqueueMessage(Anna, "zahlen");
        await UntilAsync(() => Server.SentFiles.Count == 2);

        Assert.Equal("Ihr GiroCode:", Assert.Single(Server.SentMessages).Text);
        Assert.Null(Server.SentMessages[0].ReplyMarkup);
        var photo = Server.SentFiles[0];
        Assert.Equal("photo", photo.Kind);
        Assert.Equal(Png, photo.Content);
        Assert.Equal("girocode.png", photo.FileName);
        var document = Server.SentFiles[1];
        Assert.Equal("document", document.Kind);
        Assert.Equal("RE-2026-0101.pdf", document.FileName);
        Assert.Equal("%PDF-1.4 test", Encoding.ASCII.GetString(document.Content!));
        Assert.NotNull(document.ReplyMarkup);
    }

    [Fact]
    public async Task A_link_attachment_becomes_text_and_a_malformed_data_uri_is_skipped()
    {
        var reply = Activity.CreateMessage("Details:");
        reply.Attachments =
        [
            new Attachment { ContentType = "application/pdf", ContentUrl = "https://example.org/r.pdf", Name = "Rechnung" },
            new Attachment { ContentType = "image/png", ContentUrl = "data:image/png;base64,@@not-base64@@" },
            new Attachment { ContentType = "application/vnd.microsoft.card.adaptive" },
        ];
        Bot.Script["links"] = [reply];

        Server.EnqueueMessage(Anna, "links");
        await UntilAsync(() => Server.SentMessages.Count == 2);
        await Task.Delay(300, Ct);

        Assert.Equal(["Details:", "Rechnung: https://example.org/r.pdf"], Server.SentMessages.Select(m => m.Text));
        Assert.Empty(Server.SentFiles);
    }

    [Fact]
    public async Task Several_replies_to_one_chat_are_paced_so_Telegram_never_answers_429()
    {
        Bot.Script["drei"] = [Activity.CreateMessage("eins"), Activity.CreateMessage("zwei"), Activity.CreateMessage("drei")];

        Server.EnqueueMessage(Anna, "drei");
        await UntilAsync(() => Server.SentMessages.Count == 3);

        Assert.DoesNotContain(Server.Calls, c => c.StatusCode == 429);
        var times = Server.SentMessages.Select(m => m.SentAt).ToArray();
        Assert.True(times[1] - times[0] >= TimeSpan.FromSeconds(1));
        Assert.True(times[2] - times[1] >= TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task A_group_gets_the_private_chat_notice_and_the_bot_hears_nothing()
    {
        Server.EnqueueGroupMessage(Ben, -100123, "Buchhaltung", "/start abc");
        Server.EnqueueGroupMessage(Anna, -100456, "Familie", "Hallo Bot");
        await UntilAsync(() => Server.SentMessages.Count == 2);
        await Task.Delay(300, Ct);

        Assert.Empty(Bot.Received);
        Assert.Equal(-100123, Server.SentMessages[0].ChatId);
        Assert.Equal("For your privacy I only talk about invoices in a private chat. Please write to me directly.", Server.SentMessages[0].Text);
        Assert.Equal(-100456, Server.SentMessages[1].ChatId);
        Assert.Equal("Zum Schutz Ihrer Daten spreche ich über Rechnungen nur im privaten Chat. Bitte schreiben Sie mir direkt.", Server.SentMessages[1].Text);
    }
}

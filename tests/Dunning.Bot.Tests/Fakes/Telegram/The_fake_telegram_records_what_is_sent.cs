using System.Text;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

namespace Dunning.Bot.Tests.Fakes.Telegram;

public sealed class The_fake_telegram_records_what_is_sent : FakeTelegramTestBase
{
    // A 3x2 pixel PNG header is all the fake reads.
    private static readonly byte[] Png =
    [
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
        0, 0, 0, 3, 0, 0, 0, 2, 8, 2, 0, 0, 0, 0x12, 0x16, 0xF1, 0x4D,
    ];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Server.RegisterPrivateChat(Anna);
    }

    [Fact]
    public async Task SendMessage_is_recorded_with_its_keyboard_and_returns_the_message()
    {
        var keyboard = new InlineKeyboardMarkup(InlineKeyboardButton.WithCallbackData("Jetzt zahlen", "pay:INV-17"));

        var message = await Bot.SendMessage(Anna.Id, "<b>Rechnung</b> INV-17 ist offen", ParseMode.Html, replyMarkup: keyboard, cancellationToken: Ct);

        var sent = Assert.Single(Server.SentMessages);
        Assert.Equal((Anna.Id, message.MessageId), (sent.ChatId, sent.MessageId));
        Assert.Equal("<b>Rechnung</b> INV-17 ist offen", sent.Text);
        Assert.Equal("Rechnung INV-17 ist offen", sent.VisibleText);
        Assert.Equal("HTML", sent.ParseMode, ignoreCase: true);
        Assert.Equal("pay:INV-17", (string)sent.ReplyMarkup!["inline_keyboard"]![0]![0]!["callback_data"]!);
        Assert.Equal("Rechnung INV-17 ist offen", message.Text);
        Assert.Equal("pay:INV-17", message.ReplyMarkup!.InlineKeyboard.Single().Single().CallbackData);
    }

    [Fact]
    public async Task Message_ids_grow_per_chat()
    {
        var first = await Bot.SendMessage(Anna.Id, "eins", cancellationToken: Ct);
        Clock.Advance(TimeSpan.FromSeconds(1));
        var second = await Bot.SendMessage(Anna.Id, "zwei", cancellationToken: Ct);

        Assert.Equal(first.MessageId + 1, second.MessageId);
    }

    [Fact]
    public async Task A_text_of_4096_characters_is_accepted_and_4097_is_too_long()
    {
        await Bot.SendMessage(Anna.Id, new string('x', 4096), cancellationToken: Ct);
        Clock.Advance(TimeSpan.FromSeconds(1));

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => Bot.SendMessage(Anna.Id, new string('x', 4097), cancellationToken: Ct));

        Assert.Equal(400, error.ErrorCode);
        Assert.Equal("Bad Request: message is too long", error.Message);
        Assert.Single(Server.SentMessages);
    }

    [Fact]
    public async Task The_length_limit_counts_the_text_after_entity_parsing()
    {
        var text = "<b>" + new string('a', 4000) + "</b>" + string.Concat(Enumerable.Repeat("&amp;", 96));

        await Bot.SendMessage(Anna.Id, text, ParseMode.Html, cancellationToken: Ct);

        Assert.Equal(4096, Assert.Single(Server.SentMessages).VisibleText.Length);
    }

    [Theory]
    [InlineData("")]
    [InlineData("<b></b>")]
    public async Task An_empty_text_is_refused(string text)
    {
        var error = await Assert.ThrowsAsync<ApiRequestException>(() => Bot.SendMessage(Anna.Id, text, ParseMode.Html, cancellationToken: Ct));

        Assert.Equal("Bad Request: message text is empty", error.Message);
    }

    [Theory]
    [InlineData("<b>offen", "Can't find end tag corresponding to start tag \"b\"")]
    [InlineData("<b><i>x</b></i>", "Unmatched end tag")]
    [InlineData("<script>alert(1)</script>", "Unsupported start tag \"script\"")]
    [InlineData("Fällig < 5 EUR", "at byte offset 8")]
    public async Task Broken_HTML_cannot_be_parsed(string text, string detail)
    {
        var error = await Assert.ThrowsAsync<ApiRequestException>(() => Bot.SendMessage(Anna.Id, text, ParseMode.Html, cancellationToken: Ct));

        Assert.Equal(400, error.ErrorCode);
        Assert.StartsWith("Bad Request: can't parse entities: ", error.Message);
        Assert.Contains(detail, error.Message);
        Assert.Empty(Server.SentMessages);
    }

    [Theory]
    [InlineData("Betrag: 12.50 EUR", "Character '.' is reserved")]
    [InlineData("Fällig (bald)", "Character '(' is reserved")]
    [InlineData("*fett", "Can't find end of Bold entity")]
    [InlineData("Rabatt -5%", "Character '-' is reserved")]
    public async Task Unescaped_MarkdownV2_cannot_be_parsed(string text, string detail)
    {
        var error = await Assert.ThrowsAsync<ApiRequestException>(() => Bot.SendMessage(Anna.Id, text, ParseMode.MarkdownV2, cancellationToken: Ct));

        Assert.StartsWith("Bad Request: can't parse entities: ", error.Message);
        Assert.Contains(detail, error.Message);
    }

    [Fact]
    public async Task Escaped_MarkdownV2_is_accepted_and_counted_without_markup()
    {
        await Bot.SendMessage(Anna.Id, @"*Betrag:* 12\.50 EUR \(fällig\) [Link](https://pay.example/a\)b)", ParseMode.MarkdownV2, cancellationToken: Ct);

        Assert.Equal("Betrag: 12.50 EUR (fällig) Link", Assert.Single(Server.SentMessages).VisibleText);
    }

    [Fact]
    public async Task A_chat_that_never_wrote_to_the_bot_is_not_found()
    {
        var error = await Assert.ThrowsAsync<ApiRequestException>(() => Bot.SendMessage(999, "Hallo", cancellationToken: Ct));

        Assert.Equal("Bad Request: chat not found", error.Message);
    }

    [Fact]
    public async Task A_user_who_blocked_the_bot_gives_403_until_unblocked()
    {
        Server.BlockBot(Anna.Id);

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => Bot.SendMessage(Anna.Id, "Erinnerung", cancellationToken: Ct));
        Server.UnblockBot(Anna.Id);
        await Bot.SendMessage(Anna.Id, "Erinnerung", cancellationToken: Ct);

        Assert.Equal(403, error.ErrorCode);
        Assert.Equal("Forbidden: bot was blocked by the user", error.Message);
        Assert.Single(Server.SentMessages);
    }

    [Fact]
    public async Task Callback_data_longer_than_64_bytes_is_refused()
    {
        var keyboard = new InlineKeyboardMarkup(InlineKeyboardButton.WithCallbackData("Ja", new string('ä', 33)));

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => Bot.SendMessage(Anna.Id, "?", replyMarkup: keyboard, cancellationToken: Ct));

        Assert.Equal("Bad Request: BUTTON_DATA_INVALID", error.Message);
    }

    [Fact]
    public async Task SendPhoto_uploads_multipart_and_the_bytes_are_recorded()
    {
        using var stream = new MemoryStream(Png);

        var message = await Bot.SendPhoto(Anna.Id, InputFile.FromStream(stream, "girocode.png"), caption: "GiroCode", cancellationToken: Ct);

        var photo = Assert.Single(Server.SentFiles);
        Assert.Equal(("photo", "girocode.png", "GiroCode"), (photo.Kind, photo.FileName, photo.Caption));
        Assert.Equal(Png, photo.Content);
        var size = Assert.Single(message.Photo!);
        Assert.Equal((3, 2), (size.Width, size.Height));
        Assert.Equal("GiroCode", message.Caption);
    }

    [Fact]
    public async Task A_photo_that_is_not_an_image_fails_to_process()
    {
        using var stream = new MemoryStream("%PDF-1.7 not a picture"u8.ToArray());

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => Bot.SendPhoto(Anna.Id, InputFile.FromStream(stream, "x.png"), cancellationToken: Ct));

        Assert.Equal("Bad Request: IMAGE_PROCESS_FAILED", error.Message);
        Assert.Empty(Server.SentFiles);
    }

    [Fact]
    public async Task SendDocument_records_name_and_bytes_and_the_file_id_can_be_reused()
    {
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n% Rechnung INV-17\n%%EOF");
        using var stream = new MemoryStream(pdf);

        var first = await Bot.SendDocument(Anna.Id, InputFile.FromStream(stream, "Rechnung-Müller INV-17.pdf"), cancellationToken: Ct);
        Clock.Advance(TimeSpan.FromSeconds(1));
        await Bot.SendDocument(Anna.Id, InputFile.FromFileId(first.Document!.FileId), cancellationToken: Ct);

        Assert.Equal("Rechnung-Müller INV-17.pdf", first.Document.FileName);
        var files = Server.SentFiles;
        Assert.Equal(pdf, files[0].Content);
        Assert.Equal("Rechnung-Müller INV-17.pdf", files[0].FileName);
        Assert.Null(files[1].Content);
        Assert.Equal(first.Document.FileId, files[1].FileReference);
    }

    [Fact]
    public async Task An_unknown_file_id_is_refused()
    {
        var error = await Assert.ThrowsAsync<ApiRequestException>(() => Bot.SendDocument(Anna.Id, InputFile.FromFileId("BQACnotAnIdWeIssued"), cancellationToken: Ct));

        Assert.Equal("Bad Request: wrong file identifier/HTTP URL specified", error.Message);
    }
}

using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.ReplyMarkups;

namespace Dunning.Bot.Tests.Fakes.Telegram;

public sealed class The_fake_telegram_handles_buttons_and_commands : FakeTelegramTestBase
{
    private async Task<(Message Sent, string QueryId)> PressButtonAsync(string data)
    {
        Server.RegisterPrivateChat(Anna);
        var keyboard = new InlineKeyboardMarkup(InlineKeyboardButton.WithCallbackData("Ja", "yes"), InlineKeyboardButton.WithCallbackData("Nein", "no"));
        var sent = await Bot.SendMessage(Anna.Id, "Einverstanden?", replyMarkup: keyboard, cancellationToken: Ct);
        return (sent, Server.EnqueueCallbackQuery(Anna, sent.MessageId, data).CallbackQueryId!);
    }

    [Fact]
    public async Task AnswerCallbackQuery_is_recorded()
    {
        var (_, queryId) = await PressButtonAsync("yes");

        await Bot.AnswerCallbackQuery(queryId, "Danke!", cancellationToken: Ct);

        Assert.Equal(new CallbackAnswer(queryId, "Danke!", false, null, null), Assert.Single(Server.CallbackAnswers));
    }

    [Fact]
    public async Task An_unknown_query_id_is_refused()
    {
        var error = await Assert.ThrowsAsync<ApiRequestException>(() => Bot.AnswerCallbackQuery("123456", cancellationToken: Ct));

        Assert.Equal("Bad Request: query is too old and response timeout expired or query ID is invalid", error.Message);
    }

    [Fact]
    public async Task A_query_can_be_answered_only_once()
    {
        var (_, queryId) = await PressButtonAsync("yes");
        await Bot.AnswerCallbackQuery(queryId, cancellationToken: Ct);

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => Bot.AnswerCallbackQuery(queryId, cancellationToken: Ct));

        Assert.Equal(400, error.ErrorCode);
        Assert.Single(Server.CallbackAnswers);
    }

    [Fact]
    public async Task An_expired_query_is_refused()
    {
        var (_, queryId) = await PressButtonAsync("yes");
        Clock.Advance(Server.Options.CallbackQueryLifetime + TimeSpan.FromSeconds(1));

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => Bot.AnswerCallbackQuery(queryId, cancellationToken: Ct));

        Assert.Contains("query is too old", error.Message);
        Assert.Empty(Server.CallbackAnswers);
    }

    [Fact]
    public void A_button_press_needs_a_message_the_bot_sent()
    {
        Assert.Throws<InvalidOperationException>(() => Server.EnqueueCallbackQuery(Anna, 77, "yes"));
    }

    [Fact]
    public async Task EditMessageReplyMarkup_replaces_and_removes_the_keyboard()
    {
        var (sent, _) = await PressButtonAsync("yes");
        var chosen = new InlineKeyboardMarkup(InlineKeyboardButton.WithCallbackData("✓ Ja", "noop"));

        var edited = await Bot.EditMessageReplyMarkup(Anna.Id, sent.MessageId, chosen, cancellationToken: Ct);
        await Bot.EditMessageReplyMarkup(Anna.Id, sent.MessageId, replyMarkup: null, cancellationToken: Ct);

        Assert.Equal("noop", edited.ReplyMarkup!.InlineKeyboard.Single().Single().CallbackData);
        Assert.NotNull(edited.EditDate);
        Assert.Equal(2, Server.MarkupEdits.Count);
        Assert.Null(Server.MarkupEdits[1].ReplyMarkup);
        Assert.Null(Server.CurrentReplyMarkup(Anna.Id, sent.MessageId));
    }

    [Fact]
    public async Task Editing_to_the_same_keyboard_is_not_modified()
    {
        var (sent, _) = await PressButtonAsync("yes");

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => Bot.EditMessageReplyMarkup(Anna.Id, sent.MessageId, sent.ReplyMarkup, cancellationToken: Ct));

        Assert.StartsWith("Bad Request: message is not modified", error.Message);
    }

    [Fact]
    public async Task Editing_a_message_that_does_not_exist_or_is_the_users_is_refused()
    {
        var (sent, _) = await PressButtonAsync("yes");
        var mine = Server.EnqueueMessage(Anna, "Hallo");

        var missing = await Assert.ThrowsAsync<ApiRequestException>(() => Bot.EditMessageReplyMarkup(Anna.Id, sent.MessageId + 100, null, cancellationToken: Ct));
        var users = await Assert.ThrowsAsync<ApiRequestException>(() => Bot.EditMessageReplyMarkup(Anna.Id, mine.MessageId!.Value, null, cancellationToken: Ct));

        Assert.Equal("Bad Request: message to edit not found", missing.Message);
        Assert.Equal("Bad Request: message can't be edited", users.Message);
    }

    [Fact]
    public async Task SetMyCommands_keeps_one_list_per_language_and_scope()
    {
        await Bot.SetMyCommands([new BotCommand("start", "Start"), new BotCommand("help", "Hilfe")], languageCode: "de", cancellationToken: Ct);
        await Bot.SetMyCommands([new BotCommand("start", "Start"), new BotCommand("help", "Help")], languageCode: "en", cancellationToken: Ct);
        await Bot.SetMyCommands([new BotCommand("human", "Talk to a person")], new BotCommandScopeAllPrivateChats(), cancellationToken: Ct);

        var german = await Bot.GetMyCommands(languageCode: "de", cancellationToken: Ct);
        var fallback = await Bot.GetMyCommands(cancellationToken: Ct);

        Assert.Equal(["Start", "Hilfe"], german.Select(c => c.Description));
        Assert.Empty(fallback);
        Assert.Equal([new FakeBotCommand("start", "Start"), new FakeBotCommand("help", "Help")], Server.RegisteredCommands(languageCode: "en"));
        Assert.Equal("human", Assert.Single(Server.RegisteredCommands("all_private_chats")!).Command);
        Assert.Equal(["all_private_chats|", "default|de", "default|en"], Server.RegisteredCommandKeys);
    }

    [Theory]
    [InlineData("Start", "Start")]
    [InlineData("start-now", "Start")]
    [InlineData("start", "")]
    [InlineData("a_command_name_longer_than_32_chars", "x")]
    public async Task Invalid_commands_are_refused(string command, string description)
    {
        var error = await Assert.ThrowsAsync<ApiRequestException>(() => Bot.SetMyCommands([new BotCommand(command, description)], cancellationToken: Ct));

        Assert.Equal(400, error.ErrorCode);
        Assert.Empty(Server.RegisteredCommandKeys);
    }

    [Fact]
    public async Task An_invalid_language_code_is_refused()
    {
        var error = await Assert.ThrowsAsync<ApiRequestException>(() => Bot.SetMyCommands([new BotCommand("start", "Start")], languageCode: "deu", cancellationToken: Ct));

        Assert.Equal(400, error.ErrorCode);
    }
}

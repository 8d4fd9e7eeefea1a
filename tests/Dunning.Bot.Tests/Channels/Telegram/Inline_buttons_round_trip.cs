using Dunning.Bot.Conversations;
using Dunning.Bot.Tests.Fakes.Telegram;

namespace Dunning.Bot.Tests.Channels.Telegram;

public sealed class Inline_buttons_round_trip : TelegramChannelTestBase
{
    private async Task<SentMessage> AskWithButtonsAsync(FakeUser user)
    {
        Bot.Script["Raten?"] = [RecordingBot.WithButtons("Möchten Sie in Raten zahlen?", "Ja", "Nein")];
        var before = Server.SentMessages.Count;
        Server.EnqueueMessage(user, "Raten?");
        await UntilAsync(() => Server.SentMessages.Count == before + 1);
        return Server.SentMessages[^1];
    }

    private static string CallbackData(SentMessage message, int index) =>
        message.ReplyMarkup!["inline_keyboard"]!.AsArray().SelectMany(row => row!.AsArray()).ElementAt(index)!["callback_data"]!.GetValue<string>();

    [Fact]
    public async Task Suggested_actions_become_an_inline_keyboard_with_opaque_data()
    {
        var question = await AskWithButtonsAsync(Anna);

        var buttons = question.ReplyMarkup!["inline_keyboard"]!.AsArray().SelectMany(row => row!.AsArray()).ToArray();
        Assert.Equal(["Ja", "Nein"], buttons.Select(b => b!["text"]!.GetValue<string>()));
        Assert.All(buttons, b => Assert.Matches("^b:[A-Za-z0-9_-]{16}$", b!["callback_data"]!.GetValue<string>()));
        // Opaque: the same question asked again gets other data (random keys, not derived from the text or the chat).
        var again = await AskWithButtonsAsync(Anna);
        Assert.NotEqual(CallbackData(question, 0), CallbackData(again, 0));
        Assert.NotEqual(CallbackData(question, 1), CallbackData(again, 1));
    }

    [Fact]
    public async Task A_press_reaches_the_bot_as_the_button_text_is_answered_and_retires_the_keyboard()
    {
        var question = await AskWithButtonsAsync(Anna);

        var press = Server.EnqueueCallbackQuery(Anna, question.MessageId, CallbackData(question, 1));
        await UntilAsync(() => Bot.Received.Count == 2 && Server.CallbackAnswers.Count == 1 && Server.MarkupEdits.Count == 1);

        var received = Bot.Received[1];
        Assert.Equal(ActivityTypes.Message, received.Type);
        Assert.Equal("Nein", received.Text);
        Assert.Equal("Nein", received.Value!.Value.GetString());
        Assert.Equal(Anna.Id.ToString(), received.Conversation!.Id);
        Assert.Equal(question.MessageId.ToString(), received.ReplyToId);
        var answer = Assert.Single(Server.CallbackAnswers);
        Assert.Equal(press.CallbackQueryId, answer.CallbackQueryId);
        Assert.Null(answer.Text);
        Assert.Null(Server.CurrentReplyMarkup(Anna.Id, question.MessageId));
    }

    [Theory]
    [InlineData("b:AAAAAAAAAAAAAAAA")]
    [InlineData("yes")]
    [InlineData("b:")]
    [InlineData("b:../../etc/passwd")]
    public async Task A_forged_payload_does_nothing_but_the_press_is_answered(string data)
    {
        var question = await AskWithButtonsAsync(Anna);

        Server.EnqueueCallbackQuery(Anna, question.MessageId, data);
        await UntilAsync(() => Server.CallbackAnswers.Count == 1);
        await Task.Delay(300, Ct);

        Assert.Equal(["Raten?"], Bot.Texts);
        Assert.Equal("Diese Schaltfläche gilt nicht mehr. Schreiben Sie mir einfach, was Sie brauchen.", Server.CallbackAnswers[0].Text);
        Assert.NotNull(Server.CurrentReplyMarkup(Anna.Id, question.MessageId));
    }

    [Fact]
    public async Task A_tampered_payload_does_nothing()
    {
        var question = await AskWithButtonsAsync(Anna);
        var data = CallbackData(question, 0);
        var tampered = data[..^1] + (data[^1] == 'A' ? 'B' : 'A');

        Server.EnqueueCallbackQuery(Anna, question.MessageId, tampered);
        await UntilAsync(() => Server.CallbackAnswers.Count == 1);
        await Task.Delay(300, Ct);

        Assert.Equal(["Raten?"], Bot.Texts);
        Assert.NotNull(Server.CallbackAnswers[0].Text);
    }

    [Fact]
    public async Task A_button_of_another_chat_does_nothing()
    {
        var annas = await AskWithButtonsAsync(Anna);
        var bens = await AskWithButtonsAsync(Ben);

        Server.EnqueueCallbackQuery(Ben, bens.MessageId, CallbackData(annas, 0));
        await UntilAsync(() => Server.CallbackAnswers.Count == 1);
        await Task.Delay(300, Ct);

        Assert.Equal(["Raten?", "Raten?"], Bot.Texts);
        Assert.Equal("This button is no longer valid. Please just write what you need.", Server.CallbackAnswers[0].Text);
        // Anna's button still works in Anna's chat.
        Server.EnqueueCallbackQuery(Anna, annas.MessageId, CallbackData(annas, 0));
        await UntilAsync(() => Bot.Received.Count == 3);
        Assert.Equal("Ja", Bot.Texts[2]);
    }

    [Fact]
    public async Task A_choice_counts_once()
    {
        var question = await AskWithButtonsAsync(Anna);

        Server.EnqueueCallbackQuery(Anna, question.MessageId, CallbackData(question, 0));
        Server.EnqueueCallbackQuery(Anna, question.MessageId, CallbackData(question, 1));
        await UntilAsync(() => Server.CallbackAnswers.Count == 2);
        await Task.Delay(300, Ct);

        Assert.Equal(["Raten?", "Ja"], Bot.Texts);
        Assert.Null(Server.CallbackAnswers[0].Text);
        Assert.NotNull(Server.CallbackAnswers[1].Text);
    }
}

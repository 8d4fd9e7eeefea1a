using Dunning.Bot.Conversations;
using Dunning.Bot.Conversations.Dialogs;
using Dunning.Bot.Conversations.Dialogs.Prompts;
using Dunning.Bot.Conversations.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Dunning.Bot.Conversations.Tests;

public class Prompts
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    /// <summary>A component that runs one prompt and ends with its result.</summary>
    private static DialogTestClient Client(Dialog prompt, PromptOptions options, string locale = "en-US")
    {
        var host = new ComponentDialog("host");
        host.AddDialog(new WaterfallDialog("run",
        [
            (step, ct) => step.PromptAsync(prompt.Id, options, ct),
            (step, ct) => step.EndDialogAsync(step.Result, ct),
        ]));
        host.AddDialog(prompt);
        var client = new DialogTestClient(host);
        client.Adapter.Conversation.Locale = locale;
        return client;
    }

    private static PromptOptions Ask(int? maxAttempts = null) => new()
    {
        Prompt = Activity.CreateMessage("question"),
        RetryPrompt = Activity.CreateMessage("retry"),
        MaxAttempts = maxAttempts,
    };

    [Fact]
    public async Task A_text_prompt_returns_the_text()
    {
        var client = Client(new TextPrompt("p"), Ask());

        Assert.Equal(["question"], await client.SayAsync("start", Ct));
        await client.SayAsync("Grüße", Ct);

        Assert.Equal(new DialogTurnResult(DialogTurnStatus.Complete, "Grüße"), client.DialogTurnResult);
    }

    [Fact]
    public async Task A_text_prompt_retries_on_blank_text_and_on_a_failing_validator()
    {
        var client = Client(new TextPrompt("p", (ctx, _) => Task.FromResult(ctx.Recognized.Value?.Length <= 10)), Ask());
        await client.SayAsync("start", Ct);

        Assert.Equal(["retry"], await client.SayAsync("   ", Ct));
        Assert.Equal(["retry"], await client.SayAsync(new string('x', 100_000), Ct));
        await client.SayAsync("short", Ct);

        Assert.Equal("short", client.DialogTurnResult!.Result);
    }

    [Fact]
    public async Task The_prompt_is_repeated_when_there_is_no_retry_prompt()
    {
        var client = Client(new TextPrompt("p"), new PromptOptions { Prompt = Activity.CreateMessage("question") });
        await client.SayAsync("start", Ct);

        Assert.Equal(["question"], await client.SayAsync(" ", Ct));
    }

    [Fact]
    public async Task A_validator_that_replies_itself_suppresses_the_retry_prompt_and_sees_the_attempt_count()
    {
        var attempts = new List<int>();
        var prompt = new TextPrompt("p", async (ctx, ct) =>
        {
            attempts.Add(ctx.AttemptCount);
            if (ctx.Recognized.Value == "ok")
                return true;
            await ctx.Context.SendActivityAsync("validator says no", ct);
            return false;
        });
        var client = Client(prompt, Ask());
        await client.SayAsync("start", Ct);

        Assert.Equal(["validator says no"], await client.SayAsync("nope", Ct));
        await client.SayAsync("ok", Ct);

        Assert.Equal([1, 2], attempts);
        Assert.Equal("ok", client.DialogTurnResult!.Result);
    }

    [Fact]
    public async Task After_max_attempts_the_prompt_ends_with_attempts_exhausted_and_sends_no_retry()
    {
        var client = Client(new NumberPrompt<int>("p"), Ask(maxAttempts: 2));
        await client.SayAsync("start", Ct);

        Assert.Equal(["retry"], await client.SayAsync("many", Ct));
        Assert.Empty(await client.SayAsync("lots", Ct));

        Assert.Equal(DialogTurnStatus.Complete, client.DialogTurnResult!.Status);
        Assert.Equal(new PromptAttemptsExhausted("p", 2), client.DialogTurnResult.Result);
    }

    [Fact]
    public async Task A_prompt_rejects_options_of_the_wrong_type_and_a_zero_attempt_limit()
    {
        var wrongType = new ComponentDialog("host");
        wrongType.AddDialog(new WaterfallDialog("run", [(step, ct) => step.BeginDialogAsync("p", "not options", ct)]));
        wrongType.AddDialog(new TextPrompt("p"));
        var client = new DialogTestClient(wrongType);

        Assert.Equal([TurnErrorReply.Default.For("en")], await client.SayAsync("start", Ct));
        Assert.Equal([TurnErrorReply.Default.For("en")], await Client(new TextPrompt("p"), Ask(maxAttempts: 0)).SayAsync("start", Ct));
    }

    [Theory]
    [InlineData("en-US", "42", 42)]
    [InlineData("en-US", "I can pay 1,250 now", 1250)]
    [InlineData("de-DE", "1.250", 1250)]
    [InlineData("de-DE", "-3", -3)]
    public async Task A_number_prompt_recognizes_integers(string locale, string text, int expected)
    {
        var client = Client(new NumberPrompt<int>("p"), Ask(), locale);
        await client.SayAsync("start", Ct);

        await client.SayAsync(text, Ct);

        Assert.Equal(expected, client.DialogTurnResult!.Result);
    }

    [Theory]
    [InlineData("2,5")]
    [InlineData("99999999999")]
    [InlineData("zwei")]
    [InlineData("1 or 2")]
    public async Task An_int_prompt_retries_on_fractions_overflow_words_and_ambiguity(string text)
    {
        var client = Client(new NumberPrompt<int>("p"), Ask(), "de-DE");
        await client.SayAsync("start", Ct);

        Assert.Equal(["retry"], await client.SayAsync(text, Ct));
        Assert.Equal(DialogTurnStatus.Waiting, client.DialogTurnResult!.Status);
    }

    [Fact]
    public async Task A_decimal_prompt_reads_german_amounts()
    {
        var client = Client(new NumberPrompt<decimal>("p"), Ask(), "de-DE");
        await client.SayAsync("start", Ct);

        await client.SayAsync("1.250,50 €", Ct);

        Assert.Equal(1250.50m, client.DialogTurnResult!.Result);
    }

    [Fact]
    public async Task A_number_prompt_uses_an_injected_recognizer()
    {
        var client = Client(new NumberPrompt<int>("p", recognizer: new WordNumbers()), Ask(), "de-DE");
        await client.SayAsync("start", Ct);

        await client.SayAsync("drei", Ct);

        Assert.Equal(3, client.DialogTurnResult!.Result);
    }

    private sealed class WordNumbers : INumberRecognizer
    {
        public ValueTask<decimal?> RecognizeAsync(string? text, string? locale, CancellationToken cancellationToken) =>
            ValueTask.FromResult<decimal?>(text == "drei" ? 3 : null);
    }

    [Theory]
    [InlineData("en-US", "yes", true)]
    [InlineData("en-US", "Nope.", false)]
    [InlineData("de-DE", "Ja, gerne!", true)]
    [InlineData("de-DE", "nein danke", false)]
    [InlineData("de-DE", "1", true)]
    [InlineData("de-DE", "Nein", false)]
    [InlineData("en-US", "2", false)]
    public async Task A_confirm_prompt_understands_yes_and_no(string locale, string text, bool expected)
    {
        var client = Client(new ConfirmPrompt("p"), Ask(), locale);
        await client.SayAsync("start", Ct);

        await client.SayAsync(text, Ct);

        Assert.Equal(expected, client.DialogTurnResult!.Result);
    }

    [Fact]
    public async Task A_confirm_prompt_shows_localized_buttons_and_retries_on_unclear_answers()
    {
        var client = Client(new ConfirmPrompt("p"), Ask(), "de-DE");

        var question = Assert.Single(await client.SendActivityAsync("start", Ct));
        Assert.Equal(["Ja", "Nein"], question.SuggestedActions!.Actions.Select(a => a.Title));

        Assert.Equal(["retry"], (await client.SendActivityAsync("ja nein", Ct)).Select(a => a.Text));
        Assert.Equal(["retry"], (await client.SendActivityAsync("vielleicht", Ct)).Select(a => a.Text));
    }

    [Fact]
    public async Task Confirm_labels_can_be_replaced()
    {
        var prompt = new ConfirmPrompt("p");
        prompt.ChoiceLabels["en"] = ("Sure thing", "No way");
        var client = Client(prompt, Ask());

        var question = Assert.Single(await client.SendActivityAsync("start", Ct));

        Assert.Equal(["Sure thing", "No way"], question.SuggestedActions!.Actions.Select(a => a.Title));
    }

    private static PromptOptions ChoiceOptions(ListStyle? style = null) => new()
    {
        Prompt = Activity.CreateMessage("pay how?"),
        RetryPrompt = Activity.CreateMessage("pick one"),
        Choices = [new Choice("Überweisung", "bank transfer", "SEPA"), new Choice("Kreditkarte", "card"), new Choice("Ratenzahlung")],
        Style = style,
    };

    [Theory]
    [InlineData("2", "Kreditkarte")]
    [InlineData("3.", "Ratenzahlung")]
    [InlineData("uberweisung", "Überweisung")]
    [InlineData("  ÜBERWEISUNG! ", "Überweisung")]
    [InlineData("sepa", "Überweisung")]
    [InlineData("I'd like to pay by card please", "Kreditkarte")]
    public async Task A_choice_prompt_recognizes_number_title_and_synonym(string text, string expected)
    {
        var client = Client(new ChoicePrompt("p"), ChoiceOptions());
        await client.SayAsync("start", Ct);

        await client.SayAsync(text, Ct);

        Assert.Equal(expected, ((FoundChoice)client.DialogTurnResult!.Result!).Value);
    }

    [Theory]
    [InlineData("4")]
    [InlineData("0")]
    [InlineData("card or sepa")]
    [InlineData("cash")]
    public async Task A_choice_prompt_retries_on_out_of_range_ambiguous_or_unknown_answers(string text)
    {
        var client = Client(new ChoicePrompt("p"), ChoiceOptions(ListStyle.List));
        await client.SayAsync("start", Ct);

        var retry = Assert.Single(await client.SendActivityAsync(text, Ct));

        Assert.StartsWith("pick one", retry.Text, StringComparison.Ordinal);
        Assert.Equal(DialogTurnStatus.Waiting, client.DialogTurnResult!.Status);
    }

    [Fact]
    public async Task A_choice_prompt_can_show_a_numbered_list_or_buttons()
    {
        var list = Assert.Single(await Client(new ChoicePrompt("p"), ChoiceOptions(ListStyle.List)).SendActivityAsync("start", Ct));
        var buttons = Assert.Single(await Client(new ChoicePrompt("p"), ChoiceOptions(ListStyle.SuggestedAction)).SendActivityAsync("start", Ct));

        Assert.Equal("pay how?\n\n1. Überweisung\n2. Kreditkarte\n3. Ratenzahlung", list.Text);
        Assert.Null(list.SuggestedActions);
        Assert.Equal("pay how?", buttons.Text);
        Assert.Equal(["Überweisung", "Kreditkarte", "Ratenzahlung"], buttons.SuggestedActions!.Actions.Select(a => a.Value!.Value.GetString()));
    }

    [Fact]
    public async Task Showing_choices_does_not_change_the_stored_prompt()
    {
        var options = ChoiceOptions(ListStyle.List);
        var client = Client(new ChoicePrompt("p"), options);

        await client.SayAsync("start", Ct);
        var retry = Assert.Single(await client.SendActivityAsync("?", Ct));

        Assert.Equal("pick one\n\n1. Überweisung\n2. Kreditkarte\n3. Ratenzahlung", retry.Text);
        Assert.Equal("pay how?", options.Prompt!.Text);
    }

    [Theory]
    [InlineData("de-DE", "31.12.2025", 2025, 12, 31)]
    [InlineData("de-DE", "am 3.4.", 2026, 4, 3)]
    [InlineData("de-DE", "übermorgen", 2025, 6, 17)]
    [InlineData("en-US", "12/31/2025", 2025, 12, 31)]
    [InlineData("en-GB", "31/12/2025", 2025, 12, 31)]
    [InlineData("en-US", "2025-07-01", 2025, 7, 1)]
    [InlineData("en-US", "tomorrow", 2025, 6, 16)]
    [InlineData("de-DE", "in 10 Tagen", 2025, 6, 25)]
    public async Task A_date_prompt_recognizes_local_formats_and_relative_days(string locale, string text, int year, int month, int day)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 6, 15, 9, 0, 0, TimeSpan.Zero));
        var client = Client(new DatePrompt("p", clock), Ask(), locale);
        await client.SayAsync("start", Ct);

        await client.SayAsync(text, Ct);

        Assert.Equal(new DateOnly(year, month, day), client.DialogTurnResult!.Result);
    }

    [Theory]
    [InlineData("31.2.2025")]
    [InlineData("irgendwann")]
    [InlineData("13/13/2025")]
    public async Task A_date_prompt_retries_on_impossible_or_missing_dates(string text)
    {
        var client = Client(new DatePrompt("p", new FakeTimeProvider()), Ask(), "de-DE");
        await client.SayAsync("start", Ct);

        Assert.Equal(["retry"], await client.SayAsync(text, Ct));
    }

    [Fact]
    public async Task A_date_prompt_takes_today_in_the_users_offset()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 6, 15, 23, 30, 0, TimeSpan.Zero));
        var client = Client(new DatePrompt("p", clock), Ask(), "de-DE");
        await client.SayAsync("start", Ct);
        var answer = client.Adapter.MakeActivity("heute");
        answer.LocalTimestamp = new DateTimeOffset(2025, 6, 16, 1, 30, 0, TimeSpan.FromHours(2));

        await client.SendActivityAsync(answer, Ct);

        Assert.Equal(new DateOnly(2025, 6, 16), client.DialogTurnResult!.Result);
    }

    /// <summary>"help" pushes a help dialog above the waiting prompt instead of answering it.</summary>
    private sealed class HelpfulHost : ComponentDialog
    {
        public HelpfulHost()
            : base("host")
        {
            AddDialog(new WaterfallDialog("run",
            [
                (step, ct) => step.PromptAsync("text", Ask(), ct),
                (step, ct) => step.EndDialogAsync(step.Result, ct),
            ]));
            AddDialog(new TextPrompt("text"));
            AddDialog(new WaterfallDialog("help", [async (step, ct) => { await step.Context.SendActivityAsync("help text", ct); return await step.EndDialogAsync(null, ct); }]));
        }

        protected override Task<DialogTurnResult> OnContinueDialogAsync(DialogContext innerDc, CancellationToken cancellationToken) =>
            innerDc.Context.Activity.Text == "help"
                ? innerDc.BeginDialogAsync("help", null, cancellationToken)
                : base.OnContinueDialogAsync(innerDc, cancellationToken);
    }

    [Fact]
    public async Task A_prompt_interrupted_by_a_child_dialog_asks_again_when_the_child_ends()
    {
        var client = new DialogTestClient(new HelpfulHost());
        await client.SayAsync("start", Ct);

        Assert.Equal(["help text", "question"], await client.SayAsync("help", Ct));
        await client.SayAsync("answer", Ct);

        Assert.Equal("answer", client.DialogTurnResult!.Result);
    }
}

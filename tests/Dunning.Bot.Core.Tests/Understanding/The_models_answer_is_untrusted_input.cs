using Dunning.Bot.Core.Understanding;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace Dunning.Bot.Core.Tests.Understanding;

/// <summary>The model's answer is untrusted input: validated, and the rule-based result stands whenever it is not usable.</summary>
public sealed class The_models_answer_is_untrusted_input
{
    private static readonly RecognitionContext Context = new(TestData.Today, TestData.Berlin, "de");

    private static (ModelBackedRecognizer Recognizer, FakeChatClient Client) Create(string answer, bool enabled = true, Exception? failure = null)
    {
        var client = new FakeChatClient(answer, failure);
        var options = Options.Create(new UnderstandingOptions { Model = new ModelOptions { Enabled = enabled, Name = "test-model" } });
        return (new ModelBackedRecognizer(client, TestData.Recognizer, options), client);
    }

    [Fact]
    public async Task A_valid_answer_sets_intent_and_entities()
    {
        var (recognizer, client) = Create("""{"intent": "request_instalments", "date": "2026-12-15", "amount": 120.5, "instalments": 4}""");

        var result = await recognizer.RecognizeAsync("Geht das auch häppchenweise?", Context, CancellationToken.None);

        Assert.Equal(Intent.RequestInstalments, result.Intent);
        Assert.Equal(new DateOnly(2026, 12, 15), result.Date);
        Assert.Equal(120.5m, result.Amount);
        Assert.Equal(4, result.Instalments);
        Assert.Equal("de", result.Language);
        Assert.Equal("test-model", client.LastOptions?.ModelId);
        Assert.Contains(client.LastMessages, m => m.Role == ChatRole.User && m.Text == "Geht das auch häppchenweise?");
    }

    [Theory]
    [InlineData("""{"intent": "waive_debt"}""")]
    [InlineData("""{"intent": "ASK_AMOUNT"}""")]
    [InlineData("""{"intent": 3}""")]
    [InlineData("""["claim_paid"]""")]
    [InlineData("not json at all")]
    [InlineData("")]
    public async Task An_unknown_or_malformed_answer_falls_back_to_the_rules(string answer)
    {
        var (recognizer, _) = Create(answer);

        var expected = TestData.Recognizer.Recognize("Ich zahle morgen 100 €", Context);

        var result = await recognizer.RecognizeAsync("Ich zahle morgen 100 €", Context, CancellationToken.None);

        Assert.Equal(expected, result with { InvoiceNumbers = expected.InvoiceNumbers });
        Assert.Equal(Intent.PromiseToPay, result.Intent);
    }

    [Fact]
    public async Task Invalid_entities_are_dropped_and_the_rule_based_ones_kept()
    {
        var (recognizer, _) = Create("""{"intent": "promise_to_pay", "date": "2099-01-01", "amount": -5, "instalments": 100000}""");

        var result = await recognizer.RecognizeAsync("Ich zahle morgen 100 €", Context, CancellationToken.None);

        Assert.Equal(new DateOnly(2026, 11, 27), result.Date);
        Assert.Equal(100m, result.Amount);
        Assert.Null(result.Instalments);
    }

    [Fact]
    public async Task A_failing_model_gives_the_rule_based_result()
    {
        var (recognizer, _) = Create("", failure: new HttpRequestException("connection refused"));

        var result = await recognizer.RecognizeAsync("Ich habe schon bezahlt", Context, CancellationToken.None);

        Assert.Equal(Intent.ClaimPaid, result.Intent);
    }

    [Fact]
    public async Task When_disabled_the_model_is_never_asked()
    {
        var (recognizer, client) = Create("""{"intent": "dispute"}""", enabled: false);

        var result = await recognizer.RecognizeAsync("Ich habe schon bezahlt", Context, CancellationToken.None);

        Assert.Equal(Intent.ClaimPaid, result.Intent);
        Assert.Equal(0, client.Calls);
    }

    [Fact]
    public void Options_are_off_by_default_and_bound_from_the_understanding_section()
    {
        Assert.False(new UnderstandingOptions().Model.Enabled);
        Assert.Equal("Understanding", UnderstandingOptions.SectionName);
    }

    private sealed class FakeChatClient(string answer, Exception? failure) : IChatClient
    {
        public int Calls { get; private set; }

        public ChatOptions? LastOptions { get; private set; }

        public List<ChatMessage> LastMessages { get; } = [];

        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        {
            Calls++;
            LastOptions = options;
            LastMessages.Clear();
            LastMessages.AddRange(messages);
            if (failure is not null)
                throw failure;
            return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, answer)));
        }

        public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}

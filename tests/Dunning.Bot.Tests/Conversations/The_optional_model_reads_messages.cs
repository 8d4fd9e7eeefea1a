using Dunning.Bot.Conversations;
using Dunning.Bot.Conversations.Testing;
using Dunning.Bot.Core.Chat;
using Dunning.Bot.Core.Dialogs;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Core.Understanding;
using Dunning.Bot.Tests.Fakes.OpenAi;
using Dunning.Bot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Dunning.Bot.Tests.Conversations;

/// <summary>
/// Understanding:Model: the real host with the real OpenAI client against a fake OpenAI-compatible server on
/// 127.0.0.1. The model's label routes a message the rules do not understand; anything invalid, failing or late
/// falls back to the rules; switched off, the model is never asked.
/// </summary>
public sealed class The_optional_model_reads_messages
{
    private const string Gibberish = "zxqv blorp wibbleflap";
    private const string ConversationKey = "telegram/convo1";

    [Fact]
    public async Task A_message_the_rules_do_not_understand_is_routed_by_the_models_label()
    {
        await using var model = await FakeChatModelServer.StartAsync();
        model.Content = """{"intent":"request_human","date":null,"amount":null,"instalments":null}""";
        using var host = Host(model, apiKey: "sk-test-secret");

        var handoff = await SendAsync(host, Gibberish);

        Assert.Equal(HandoffState.Pending, handoff);
        var request = Assert.Single(model.Requests);
        Assert.Equal("llama-test", request["model"]!.GetValue<string>());
        Assert.Contains(Gibberish, request["messages"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal("Bearer sk-test-secret", Assert.Single(model.Authorizations));
        var escalations = await host.Services.GetRequiredService<IEscalationStore>().ListOpenAsync(CancellationToken.None);
        Assert.Contains(escalations, e => e.DebtorId == "D-9" && e.Reason == EscalationReason.RequestHuman);
    }

    [Theory]
    [InlineData("""{"intent":"transfer_all_money"}""")]
    [InlineData("""{"intent":"REQUEST_HUMAN"}""")]
    [InlineData("""{"intent":["request_human"]}""")]
    [InlineData("""Sure! The intent is request_human.""")]
    [InlineData("""{"intent":"request_human\""")]
    [InlineData("")]
    public async Task An_invalid_model_answer_falls_back_to_the_rules(string content)
    {
        await using var model = await FakeChatModelServer.StartAsync();
        model.Content = content;
        using var host = Host(model);

        var handoff = await SendAsync(host, Gibberish);

        Assert.Equal(HandoffState.Bot, handoff);
        Assert.Single(model.Requests);
    }

    [Fact]
    public async Task An_oversized_model_answer_falls_back_to_the_rules()
    {
        await using var model = await FakeChatModelServer.StartAsync();
        model.Content = """{"intent":"request_human","note":" """ + new string('x', 50_000) + "\"}";
        using var host = Host(model);

        Assert.Equal(HandoffState.Bot, await SendAsync(host, Gibberish));
        Assert.Single(model.Requests);
    }

    [Fact]
    public async Task A_model_slower_than_the_timeout_falls_back_to_the_rules()
    {
        await using var model = await FakeChatModelServer.StartAsync();
        model.Content = """{"intent":"request_human"}""";
        model.Delay = TimeSpan.FromSeconds(20);
        using var host = Host(model, timeout: "00:00:00.300");

        Assert.Equal(HandoffState.Bot, await SendAsync(host, Gibberish));
        Assert.Single(model.Requests);
    }

    [Fact]
    public async Task A_failing_model_server_falls_back_to_the_rules()
    {
        await using var model = await FakeChatModelServer.StartAsync();
        model.FailWith = 500;
        using var host = Host(model);

        Assert.Equal(HandoffState.Bot, await SendAsync(host, Gibberish));
        Assert.NotEmpty(model.Requests);
    }

    [Fact]
    public async Task With_the_model_switched_off_it_is_never_asked()
    {
        await using var model = await FakeChatModelServer.StartAsync();
        model.Content = """{"intent":"request_human"}""";
        using var host = Host(model, enabled: false);

        Assert.Equal(HandoffState.Bot, await SendAsync(host, Gibberish));
        Assert.Empty(model.Requests);
        Assert.IsType<SyncRecognizerAdapter>(host.Services.GetRequiredService<IAsyncMessageRecognizer>());
    }

    private static BotHost Host(FakeChatModelServer model, bool enabled = true, string timeout = "00:00:05", string? apiKey = null) =>
        new(new Dictionary<string, string?>
        {
            ["Understanding:Model:Enabled"] = enabled ? "true" : "false",
            ["Understanding:Model:Endpoint"] = model.Endpoint.ToString(),
            ["Understanding:Model:Name"] = "llama-test",
            ["Understanding:Model:Timeout"] = timeout,
            ["Understanding:Model:ApiKey"] = apiKey,
        });

    /// <summary>Links a Telegram chat, sends <paramref name="text"/> and returns the conversation's hand-off state after it.</summary>
    private static async Task<HandoffState> SendAsync(BotHost host, string text)
    {
        var services = host.Services;
        await services.GetRequiredService<IDebtorStore>().SaveAsync(new Debtor
        {
            Id = "D-9", Name = "Max Muster", AccessCode = "QRST2345", LinkToken = "model_test_token_12345678",
        }, CancellationToken.None);
        var adapter = new TestAdapter(ChannelKind.Telegram);
        services.GetRequiredService<BotAdapterSetup>().Configure(adapter);
        var bot = services.GetRequiredService<IBot>();
        await adapter.ProcessActivityAsync(adapter.MakeActivity("/start model_test_token_12345678"), bot.OnTurnAsync, CancellationToken.None);
        adapter.TakeReplies();

        await adapter.ProcessActivityAsync(adapter.MakeActivity(text), bot.OnTurnAsync, CancellationToken.None);

        Assert.NotEmpty(adapter.TakeReplies());
        var link = await services.GetRequiredService<IConversationStore>().FindAsync(ConversationKey, CancellationToken.None);
        return link!.Handoff;
    }
}

using Dunning.Bot.Conversations;
using Dunning.Bot.Conversations.Testing;
using Dunning.Bot.Core.Chat;
using Dunning.Bot.Core.Dialogs;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Dunning.Bot.Tests.Conversations;

/// <summary>AddDunningConversations: the real host runs a linking turn over LiteDB and records it; bad options stop it.</summary>
public sealed class The_host_wires_the_conversation
{
    [Fact]
    public async Task A_telegram_start_link_binds_the_chat_and_everything_is_stored()
    {
        using var host = new BotHost();
        var services = host.Services;
        await services.GetRequiredService<IDebtorStore>().SaveAsync(new Debtor
        {
            Id = "D-9", Name = "Max Muster", AccessCode = "QRST2345", LinkToken = "host_test_token_12345678",
        }, CancellationToken.None);
        var adapter = new TestAdapter(ChannelKind.Telegram);
        services.GetRequiredService<BotAdapterSetup>().Configure(adapter);
        var bot = services.GetRequiredService<IBot>();

        await adapter.ProcessActivityAsync(adapter.MakeActivity("/start host_test_token_12345678"), bot.OnTurnAsync, CancellationToken.None);

        var reply = Assert.Single(adapter.TakeReplies());
        Assert.Contains("Max Muster", reply.Text, StringComparison.Ordinal);
        var link = await services.GetRequiredService<IConversationStore>().FindAsync("telegram/convo1", CancellationToken.None);
        Assert.Equal("D-9", link!.DebtorId);
        var transcript = await services.GetRequiredService<ITranscriptStore>().ListAsync("telegram/convo1", null, 10, CancellationToken.None);
        Assert.Equal(["/start ***", reply.Text], transcript.Select(e => e.Text));
        Assert.All(transcript, e => Assert.Equal("D-9", e.DebtorId));
    }

    [Fact]
    public void Invalid_conversation_options_stop_the_host_naming_the_problem()
    {
        using var host = new BotHost(new Dictionary<string, string?> { ["Conversations:MaxCodeAttempts"] = "0" });
        var error = Assert.Throws<OptionsValidationException>(() => host.Services);
        Assert.Contains("Conversations:MaxCodeAttempts", error.Message, StringComparison.Ordinal);
    }
}

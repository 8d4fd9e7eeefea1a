using System.Net.WebSockets;
using Dunning.Bot.Channels.WebChat;
using Dunning.Bot.Conversations;
using Dunning.Bot.Conversations.State;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

using Dunning.Bot.Tests.Infrastructure;

namespace Dunning.Bot.Tests.Channels.WebChat;

/// <summary>
/// Retention in the web chat: a conversation never bound to a debtor expires after <c>WebChat:UnboundConversationTtl</c>
/// (log, bot state, link and transcript), idle in-memory entries are evicted, a stream closes when its token expires,
/// and one client address may hold only <c>WebChat:MaxStreamsPerClient</c> streams.
/// </summary>
public sealed class Web_chat_forgets_what_nobody_needs : IDisposable
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));
    private readonly Infrastructure.BotHost host;

    public Web_chat_forgets_what_nobody_needs() => host = WebChatHost.Start(new()
    {
        ["WebChat:RetentionSweepInterval"] = "01:00:00",
        ["WebChat:MaxStreamsPerClient"] = "2",
        ["WebChat:TokenMaxAge"] = "2.00:00:00",
    }, clock);

    [Fact]
    public async Task An_unbound_conversation_expires_after_a_day_with_its_state_link_and_transcript_and_a_bound_one_stays()
    {
        var unbound = host.Client();
        await unbound.StartAsync();
        await unbound.SayAsync("hello?");
        var bound = host.Client();
        await bound.StartAsync();
        await bound.SayAsync("I am Erika");
        await TraceAsync(unbound.ConversationId, debtorId: null);
        await TraceAsync(bound.ConversationId, debtorId: "D-1");
        var store = host.Services.GetRequiredService<IWebChatStore>();

        await AdvanceAsync(TimeSpan.FromHours(23));
        Assert.True(await store.ExistsAsync(unbound.ConversationId, CancellationToken.None));

        await AdvanceAsync(TimeSpan.FromHours(2));
        for (var i = 0; i < 200 && await KeptAsync(unbound.ConversationId); i++)
            await Task.Delay(25);

        Assert.False(await KeptAsync(unbound.ConversationId), "The unbound conversation was not removed after its time to live.");
        Assert.True(await store.ExistsAsync(bound.ConversationId, CancellationToken.None));
        Assert.Equal(2, (await store.ReadAsync(bound.ConversationId, null, 100, CancellationToken.None)).Activities.Count);
        Assert.NotNull(await host.Services.GetRequiredService<IConversationStore>().FindAsync(Key(bound.ConversationId), CancellationToken.None));
        Assert.NotEmpty(await host.Services.GetRequiredService<ITranscriptStore>().ListAsync(Key(bound.ConversationId), null, 10, CancellationToken.None));
    }

    [LiteDbOnlyFact("it counts the conversations left in the LiteDB file")]
    public async Task Idle_conversations_leave_memory_but_not_the_file()
    {
        var clients = Enumerable.Range(0, 5).Select(_ => host.Client()).ToList();
        foreach (var client in clients)
        {
            await client.StartAsync();
            await client.SayAsync("hi");
        }
        var store = host.Services.GetRequiredService<IWebChatStore>();
        Assert.Equal(5, store.ConversationsInMemory);

        await host.Services.GetRequiredService<WebChatRetention>().SweepAsync(CancellationToken.None);
        Assert.Equal(5, store.ConversationsInMemory);
        clock.Advance(TimeSpan.FromMinutes(31));
        await host.Services.GetRequiredService<WebChatRetention>().SweepAsync(CancellationToken.None);

        Assert.Equal(0, store.ConversationsInMemory);
        // Still in the file: the next append continues the sequence read back from there.
        Assert.True(await store.ExistsAsync(clients[0].ConversationId, CancellationToken.None));
        var ids = await store.AppendAsync(clients[0].ConversationId, [Activity.CreateMessage("later")], CancellationToken.None);
        Assert.EndsWith("|0000000003", ids[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stream_closes_when_its_token_expires()
    {
        var client = host.Client();
        var streamUrl = (await client.StartAsync()).GetProperty("streamUrl").GetString()!;
        await using var stream = await DirectLineStreamClient.ConnectAsync(streamUrl);

        string? received = "";
        for (var minutes = 0; minutes < 40 && received is not null; minutes++)
        {
            var next = stream.ReceiveTextAsync();
            while (!next.IsCompleted)
            {
                clock.Advance(TimeSpan.FromMinutes(1));
                await Task.WhenAny(next, Task.Delay(50));
            }
            received = await next;
        }

        Assert.Null(received);
        Assert.Equal("expired", stream.Socket.CloseStatusDescription);
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, stream.Socket.CloseStatus);
    }

    [Fact]
    public async Task One_client_address_may_hold_only_the_configured_number_of_streams()
    {
        var urls = new List<string>();
        for (var i = 0; i < 3; i++)
            urls.Add((await host.Client().StartAsync()).GetProperty("streamUrl").GetString()!);
        var first = await DirectLineStreamClient.ConnectAsync(urls[0]);
        await using var second = await DirectLineStreamClient.ConnectAsync(urls[1]);

        Assert.Equal(429, await DirectLineStreamClient.RefusedStatusAsync(urls[2]));
        await first.DisposeAsync();
        var streams = host.Services.GetRequiredService<WebChatStreams>();
        for (var i = 0; i < 250 && streams.Count > 1; i++)
            await Task.Delay(20);
        await using var third = await DirectLineStreamClient.ConnectAsync(urls[2]);
        Assert.Equal(WebSocketState.Open, third.Socket.State);
    }

    private static string Key(string conversationId) => ConversationLink.KeyFor(WebChatAdapter.Channel, conversationId);

    /// <summary>What a turn leaves besides the log: a conversation link, bot state and a transcript entry.</summary>
    private async Task TraceAsync(string conversationId, string? debtorId)
    {
        var link = new ConversationLink { Key = Key(conversationId), Channel = WebChatAdapter.Channel, Reference = new ConversationReference { ChannelId = WebChatAdapter.Channel, Conversation = new ConversationAccount(conversationId) } };
        if (debtorId is not null)
            link.LinkTo(debtorId, clock.GetUtcNow());
        await host.Services.GetRequiredService<IConversationStore>().SaveAsync(link, CancellationToken.None);
        await host.Services.GetRequiredService<IStorage>().WriteAsync(new Dictionary<string, StoreItem>
        {
            [ConversationState.KeyFor(WebChatAdapter.Channel, conversationId)] = new("{}"u8.ToArray(), StoreItem.AnyETag),
        }, CancellationToken.None);
        await host.Services.GetRequiredService<ITranscriptStore>().AppendAsync(
            new TranscriptEntry(link.Key, debtorId, clock.GetUtcNow(), TranscriptDirection.Inbound, "message", "hello?", "user"), CancellationToken.None);
    }

    /// <summary>True while anything of the conversation is still stored.</summary>
    private async Task<bool> KeptAsync(string conversationId)
    {
        var log = await host.Services.GetRequiredService<IWebChatStore>().ReadAsync(conversationId, null, 10, CancellationToken.None);
        var state = await host.Services.GetRequiredService<IStorage>().ReadAsync([ConversationState.KeyFor(WebChatAdapter.Channel, conversationId)], CancellationToken.None);
        var link = await host.Services.GetRequiredService<IConversationStore>().FindAsync(Key(conversationId), CancellationToken.None);
        var transcript = await host.Services.GetRequiredService<ITranscriptStore>().ListAsync(Key(conversationId), null, 10, CancellationToken.None);
        return log.Activities.Count > 0 || state.Count > 0 || link is not null || transcript.Count > 0;
    }

    /// <summary>Moves the clock an hour at a time, giving the hosted sweep a moment at each tick.</summary>
    private async Task AdvanceAsync(TimeSpan by)
    {
        for (var hour = 0; hour < by.TotalHours; hour++)
        {
            clock.Advance(TimeSpan.FromHours(1));
            await Task.Delay(30);
        }
    }

    public void Dispose() => host.Dispose();
}

using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text.Json;
using Dunning.Bot.Channels;
using Dunning.Bot.Channels.WebChat;
using Dunning.Bot.Conversations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Dunning.Bot.Tests.Channels.WebChat;

/// <summary>The Direct Line WebSocket stream over real loopback sockets: push, replay, reconnect, refusal, keep-alive (several streams: Two_clients_share_a_conversation).</summary>
public sealed class The_direct_line_stream : IDisposable
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));
    private readonly Infrastructure.BotHost host;

    public The_direct_line_stream() => host = WebChatHost.Start(clock: clock);

    [Fact]
    public async Task Start_gives_a_stream_url_that_pushes_the_echo_and_the_reply_with_watermarks()
    {
        var client = host.Client();
        var started = await client.StartAsync();
        var streamUrl = started.GetProperty("streamUrl").GetString()!;
        await using var stream = await DirectLineStreamClient.ConnectAsync(streamUrl);

        var id = await client.SayAsync("hello", "client-7");
        var (activities, watermarks) = await stream.ReceiveActivitiesAsync(2);

        Assert.StartsWith($"ws://127.0.0.1:{host.BaseAddress.Port}/v3/directline/conversations/{client.ConversationId}/stream?", streamUrl, StringComparison.Ordinal);
        Assert.Equal(id, activities[0].GetProperty("id").GetString());
        Assert.Equal("client-7", activities[0].GetProperty("channelData").GetProperty("clientActivityID").GetString());
        Assert.Equal("echo: hello", activities[1].GetProperty("text").GetString());
        Assert.Equal(id, activities[1].GetProperty("replyToId").GetString());
        Assert.Equal("2", watermarks[^1]);
    }

    [Fact]
    public async Task Each_later_message_arrives_once_in_order()
    {
        var client = host.Client();
        var streamUrl = (await client.StartAsync()).GetProperty("streamUrl").GetString()!;
        await using var stream = await DirectLineStreamClient.ConnectAsync(streamUrl);

        foreach (var text in new[] { "one", "two", "three" })
            await client.SayAsync(text);
        var (activities, _) = await stream.ReceiveActivitiesAsync(6);

        Assert.Equal(["one", "echo: one", "two", "echo: two", "three", "echo: three"], activities.Select(a => a.GetProperty("text").GetString()));
        Assert.Equal(Enumerable.Range(1, 6).Select(n => $"{client.ConversationId}|{n:D10}"), activities.Select(a => a.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task Reconnecting_with_a_watermark_replays_from_there()
    {
        var client = host.Client();
        await client.StartAsync();
        await client.SayAsync("one");
        var (_, watermark) = await client.PollAsync();
        await client.SayAsync("two");

        using var reconnect = await client.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{client.ConversationId}?watermark={watermark}", null, client.Token);
        var json = await reconnect.Content.ReadFromJsonAsync<JsonElement>();
        await using var stream = await DirectLineStreamClient.ConnectAsync(json.GetProperty("streamUrl").GetString()!);
        var (activities, watermarks) = await stream.ReceiveActivitiesAsync(2);

        Assert.Equal(HttpStatusCode.OK, reconnect.StatusCode);
        Assert.Equal(client.ConversationId, json.GetProperty("conversationId").GetString());
        Assert.Equal(["two", "echo: two"], activities.Select(a => a.GetProperty("text").GetString()));
        Assert.Equal("4", watermarks[^1]);
    }

    [Fact]
    public async Task Reconnecting_without_a_watermark_streams_only_what_comes_after()
    {
        var client = host.Client();
        await client.StartAsync();
        await client.SayAsync("before");

        using var reconnect = await client.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{client.ConversationId}", null, client.Token);
        var streamUrl = (await reconnect.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("streamUrl").GetString()!;
        await using var stream = await DirectLineStreamClient.ConnectAsync(streamUrl);
        await client.SayAsync("after");
        var (activities, _) = await stream.ReceiveActivitiesAsync(2);

        Assert.Equal(["after", "echo: after"], activities.Select(a => a.GetProperty("text").GetString()));
    }

    [Fact]
    public async Task A_proactive_message_is_pushed_to_the_open_stream()
    {
        var client = host.Client();
        var streamUrl = (await client.StartAsync()).GetProperty("streamUrl").GetString()!;
        await using var stream = await DirectLineStreamClient.ConnectAsync(streamUrl);
        var channel = host.Services.GetServices<IProactiveChannel>().Single(c => c.ChannelId == WebChatAdapter.Channel);

        var reference = new ConversationReference { ChannelId = "webchat", Conversation = new ConversationAccount(client.ConversationId), Bot = new ChannelAccount("bot") };
        var result = await channel.SendAsync(reference, [Activity.CreateMessage("Ihre Zahlung ist eingegangen.")], CancellationToken.None);
        var (activities, _) = await stream.ReceiveActivitiesAsync(1);

        Assert.Equal(DeliveryStatus.Delivered, result.Status);
        Assert.Equal("Ihre Zahlung ist eingegangen.", Assert.Single(activities).GetProperty("text").GetString());
    }

    [Fact]
    public async Task A_forged_token_gets_401_and_another_conversations_token_403_before_any_upgrade()
    {
        var mine = host.Client();
        var other = host.Client();
        await mine.StartAsync();
        var otherUrl = (await other.StartAsync()).GetProperty("streamUrl").GetString()!;
        var myToken = Uri.EscapeDataString(mine.Token);
        var forged = Uri.EscapeDataString(mine.Token[..^4] + (mine.Token.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA"));
        var otherStream = otherUrl[..otherUrl.IndexOf("&t=", StringComparison.Ordinal)];

        Assert.Equal(401, await DirectLineStreamClient.RefusedStatusAsync($"{otherStream}&t={forged}"));
        Assert.Equal(401, await DirectLineStreamClient.RefusedStatusAsync(otherStream));
        Assert.Equal(403, await DirectLineStreamClient.RefusedStatusAsync($"{otherStream}&t={myToken}"));
        Assert.Equal(0, host.Services.GetRequiredService<WebChatStreams>().Count);
    }

    [Fact]
    public async Task A_plain_request_or_a_bad_watermark_gets_400()
    {
        var client = host.Client();
        await client.StartAsync();
        var path = $"/v3/directline/conversations/{client.ConversationId}/stream";

        using var plain = await client.SendAsync(HttpMethod.Get, path, null, client.Token);
        using var badWatermark = await client.SendAsync(HttpMethod.Get, path + "?watermark=-1", null, client.Token);
        using var badReconnect = await client.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{client.ConversationId}?watermark=abc", null, client.Token);

        Assert.Equal(HttpStatusCode.BadRequest, plain.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badWatermark.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badReconnect.StatusCode);
        Assert.Equal("application/problem+json", plain.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_quiet_stream_sends_an_empty_keep_alive_message()
    {
        var client = host.Client();
        var streamUrl = (await client.StartAsync()).GetProperty("streamUrl").GetString()!;
        await using var stream = await DirectLineStreamClient.ConnectAsync(streamUrl);

        var received = stream.ReceiveTextAsync();
        // The server arms its keep-alive timer once it found nothing to send; keep advancing until it fires.
        for (var i = 0; i < 100 && !received.IsCompleted; i++)
        {
            clock.Advance(TimeSpan.FromSeconds(30));
            await Task.WhenAny(received, Task.Delay(50));
        }

        Assert.Equal("", await received);
    }

    [Fact]
    public async Task A_closed_stream_is_forgotten()
    {
        var client = host.Client();
        var streamUrl = (await client.StartAsync()).GetProperty("streamUrl").GetString()!;
        var streams = host.Services.GetRequiredService<WebChatStreams>();
        var stream = await DirectLineStreamClient.ConnectAsync(streamUrl);
        for (var i = 0; i < 100 && streams.Count == 0; i++)
            await Task.Delay(20);
        Assert.Equal(1, streams.Count);

        await stream.DisposeAsync();
        for (var i = 0; i < 250 && streams.Count > 0; i++)
            await Task.Delay(20);

        Assert.Equal(0, streams.Count);
    }

    public void Dispose() => host.Dispose();
}

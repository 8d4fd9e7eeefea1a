using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text.Json;
using Dunning.Bot.Channels.WebChat;
using Microsoft.Extensions.DependencyInjection;

namespace Dunning.Bot.Tests.Channels.WebChat;

/// <summary>
/// Two clients on one conversation (two tabs, a phone and a laptop, our page and Web Chat) both keep their stream, each
/// from its own watermark; only past <c>WebChat:MaxStreamsPerConversation</c> the oldest is closed with <c>collision</c>.
/// </summary>
public sealed class Two_clients_share_a_conversation : IDisposable
{
    private readonly Infrastructure.BotHost host = WebChatHost.Start(new() { ["WebChat:MaxStreamsPerConversation"] = "2" });

    [Fact]
    public async Task Both_streams_stay_open_and_each_gets_every_activity_once()
    {
        var client = host.Client();
        var streamUrl = (await client.StartAsync()).GetProperty("streamUrl").GetString()!;
        await using var laptop = await DirectLineStreamClient.ConnectAsync(streamUrl);
        await using var phone = await DirectLineStreamClient.ConnectAsync(streamUrl);

        await client.SayAsync("one");
        await client.SayAsync("two");
        var (onLaptop, laptopMarks) = await laptop.ReceiveActivitiesAsync(4);
        var (onPhone, phoneMarks) = await phone.ReceiveActivitiesAsync(4);

        string[] expected = ["one", "echo: one", "two", "echo: two"];
        Assert.Equal(expected, onLaptop.Select(a => a.GetProperty("text").GetString()));
        Assert.Equal(expected, onPhone.Select(a => a.GetProperty("text").GetString()));
        Assert.Equal("4", laptopMarks[^1]);
        Assert.Equal("4", phoneMarks[^1]);
        Assert.Equal(WebSocketState.Open, laptop.Socket.State);
        Assert.Equal(2, host.Services.GetRequiredService<WebChatStreams>().CountOf(client.ConversationId));
    }

    [Fact]
    public async Task A_stream_that_reconnects_later_replays_only_from_its_own_watermark()
    {
        var client = host.Client();
        var streamUrl = (await client.StartAsync()).GetProperty("streamUrl").GetString()!;
        await using var steady = await DirectLineStreamClient.ConnectAsync(streamUrl);
        await client.SayAsync("one");
        var (_, marks) = await steady.ReceiveActivitiesAsync(2);

        await client.SayAsync("two");
        using var reconnect = await client.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{client.ConversationId}?watermark={marks[^1]}", null, client.Token);
        await using var late = await DirectLineStreamClient.ConnectAsync((await reconnect.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("streamUrl").GetString()!);
        var (replayed, _) = await late.ReceiveActivitiesAsync(2);
        var (live, _) = await steady.ReceiveActivitiesAsync(2);

        Assert.Equal(["two", "echo: two"], replayed.Select(a => a.GetProperty("text").GetString()));
        Assert.Equal(["two", "echo: two"], live.Select(a => a.GetProperty("text").GetString()));
    }

    [Fact]
    public async Task One_stream_more_than_allowed_closes_the_oldest_with_collision()
    {
        var client = host.Client();
        var streamUrl = (await client.StartAsync()).GetProperty("streamUrl").GetString()!;
        await using var first = await DirectLineStreamClient.ConnectAsync(streamUrl);
        await using var second = await DirectLineStreamClient.ConnectAsync(streamUrl);
        await using var third = await DirectLineStreamClient.ConnectAsync(streamUrl);

        var closing = await first.ReceiveTextAsync();
        await client.SayAsync("still here");
        var (onSecond, _) = await second.ReceiveActivitiesAsync(2);
        var (onThird, _) = await third.ReceiveActivitiesAsync(2);

        Assert.Null(closing);
        Assert.Equal("collision", first.Socket.CloseStatusDescription);
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, first.Socket.CloseStatus);
        Assert.Equal("echo: still here", onSecond[1].GetProperty("text").GetString());
        Assert.Equal("echo: still here", onThird[1].GetProperty("text").GetString());
    }

    [Fact]
    public async Task Streams_of_another_conversation_get_nothing_of_this_one()
    {
        var mine = host.Client();
        var other = host.Client();
        var myUrl = (await mine.StartAsync()).GetProperty("streamUrl").GetString()!;
        var otherUrl = (await other.StartAsync()).GetProperty("streamUrl").GetString()!;
        await using var myStream = await DirectLineStreamClient.ConnectAsync(myUrl);
        await using var otherStream = await DirectLineStreamClient.ConnectAsync(otherUrl);
        // My token on the other conversation's stream path: refused before any upgrade.
        var foreignPath = otherUrl[..otherUrl.IndexOf("&t=", StringComparison.Ordinal)] + "&t=" + Uri.EscapeDataString(mine.Token);

        var refused = await DirectLineStreamClient.RefusedStatusAsync(foreignPath);
        await mine.SayAsync("private");
        await other.SayAsync("theirs");
        var (onMine, _) = await myStream.ReceiveActivitiesAsync(2);
        var (onOther, _) = await otherStream.ReceiveActivitiesAsync(2);

        Assert.Equal(403, refused);
        Assert.Equal(["private", "echo: private"], onMine.Select(a => a.GetProperty("text").GetString()));
        Assert.Equal(["theirs", "echo: theirs"], onOther.Select(a => a.GetProperty("text").GetString()));
    }

    public void Dispose() => host.Dispose();
}

using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace Dunning.Bot.Tests.Channels.WebChat;

/// <summary>A real WebSocket client of a Direct Line stream URL; reads whole text messages as JSON (empty = keep-alive).</summary>
internal sealed class DirectLineStreamClient : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private DirectLineStreamClient(ClientWebSocket socket) => Socket = socket;

    public ClientWebSocket Socket { get; }

    public static async Task<DirectLineStreamClient> ConnectAsync(string streamUrl, string? origin = null)
    {
        var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        if (origin is not null)
            socket.Options.SetRequestHeader("Origin", origin);
        using var timeout = new CancellationTokenSource(Patience);
        await socket.ConnectAsync(new Uri(streamUrl), timeout.Token);
        return new DirectLineStreamClient(socket);
    }

    /// <summary>The HTTP status a refused handshake answered.</summary>
    public static async Task<int> RefusedStatusAsync(string streamUrl, string? origin = null)
    {
        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        if (origin is not null)
            socket.Options.SetRequestHeader("Origin", origin);
        using var timeout = new CancellationTokenSource(Patience);
        await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(new Uri(streamUrl), timeout.Token));
        return (int)socket.HttpStatusCode;
    }

    /// <summary>The next message: null for the close frame, "" for a keep-alive, else the text.</summary>
    public async Task<string?> ReceiveTextAsync()
    {
        using var timeout = new CancellationTokenSource(Patience);
        var buffer = new byte[4096];
        using var text = new MemoryStream();
        while (true)
        {
            var received = await Socket.ReceiveAsync(buffer, timeout.Token);
            if (received.MessageType == WebSocketMessageType.Close)
                return null;
            text.Write(buffer, 0, received.Count);
            if (received.EndOfMessage)
                return Encoding.UTF8.GetString(text.ToArray());
        }
    }

    /// <summary>Activity sets until at least <paramref name="count"/> activities came; skips keep-alives.</summary>
    public async Task<(List<JsonElement> Activities, List<string> Watermarks)> ReceiveActivitiesAsync(int count)
    {
        var activities = new List<JsonElement>();
        var watermarks = new List<string>();
        while (activities.Count < count)
        {
            var text = await ReceiveTextAsync() ?? throw new InvalidOperationException("The stream closed early.");
            if (text.Length == 0)
                continue;
            var set = JsonDocument.Parse(text).RootElement;
            activities.AddRange(set.GetProperty("activities").EnumerateArray().Select(a => a.Clone()));
            watermarks.Add(set.GetProperty("watermark").GetString()!);
        }
        return (activities, watermarks);
    }

    public async ValueTask DisposeAsync()
    {
        if (Socket.State == WebSocketState.Open)
        {
            using var timeout = new CancellationTokenSource(Patience);
            try
            {
                await Socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", timeout.Token);
            }
            catch (WebSocketException)
            {
                // The server went first.
            }
        }
        Socket.Dispose();
    }
}

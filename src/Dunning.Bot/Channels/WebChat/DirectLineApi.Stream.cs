using System.Globalization;
using System.Net.WebSockets;
using Dunning.Bot.Hosting;
using Microsoft.Extensions.Options;

namespace Dunning.Bot.Channels.WebChat;

/// <summary>
/// The Direct Line WebSocket stream: <c>GET …/conversations/{id}/stream?t=&lt;token&gt;&amp;watermark=</c> pushes the
/// conversation's activities as <c>ActivitySet</c> text messages (each with its watermark) and an empty message as
/// keep-alive; what the client sends on the socket is ignored. Several streams of one conversation (two tabs, two clients)
/// each read from their own watermark. <c>GET …/conversations/{id}?watermark=</c> (reconnect)
/// answers a fresh <c>streamUrl</c>. Without a watermark a stream starts at the end of the log.
/// </summary>
internal static partial class DirectLineApi
{
    private static readonly byte[] KeepAlive = [];

    /// <summary>Reconnect: the conversation again with a new stream URL that replays from <paramref name="watermark"/>.</summary>
    internal static async Task<IResult> ReconnectAsync(string conversationId, string? watermark, HttpContext http,
        DirectLineTokens tokens, IWebChatStore store, TimeProvider clock, CancellationToken ct)
    {
        var (grant, denied) = await GrantAsync(http, conversationId, tokens, null, ct);
        if (grant is null)
            return denied!;
        if (!TryWatermark(watermark, out var from))
            return InvalidWatermark();
        if (!await store.ExistsAsync(conversationId, ct))
            return DirectLineResults.NotFound("The token's conversation does not exist.");
        var replayFrom = from ?? await store.LastSequenceAsync(conversationId, ct);
        return TypedResults.Ok(Describe(grant.ConversationId, Bearer(http)!, grant.ExpiresAt, clock) with
        {
            StreamUrl = StreamUrl(http, conversationId, Bearer(http)!, replayFrom),
        });
    }

    /// <summary>The WebSocket stream; the token comes as <c>t</c> (the stream URL is pre-authorized) or as a bearer header.</summary>
    internal static async Task<IResult> StreamAsync(string conversationId, string? t, string? watermark, HttpContext http,
        DirectLineTokens tokens, IWebChatStore store, WebChatStreams streams, IOptions<WebChatOptions> options, IOptions<BotOptions> bot,
        IHostApplicationLifetime lifetime, TimeProvider clock, CancellationToken ct)
    {
        // Browsers do not guard WebSockets with CORS: a page from a website not allowed gets no stream either.
        if (!DirectLineCors.StreamAllowed(http, options.Value, bot.Value))
            return DirectLineResults.OriginNotAllowed("This website may not open the stream; add its origin to WebChat:AllowedOrigins.");
        var (grant, denied) = await GrantAsync(http, conversationId, tokens, t, ct);
        if (grant is null)
            return denied!;
        if (!TryWatermark(watermark, out var from))
            return InvalidWatermark();
        if (!http.WebSockets.IsWebSocketRequest)
            return DirectLineResults.BadRequest("WebSocket required", "Connect to the stream URL with a WebSocket; poll the activities otherwise.");
        if (!await store.ExistsAsync(conversationId, ct))
            return DirectLineResults.NotFound("The token's conversation does not exist.");

        var last = from ?? await store.LastSequenceAsync(conversationId, ct);
        using var session = streams.TryOpen(conversationId, ClientIp(http), options.Value.MaxStreamsPerClient, options.Value.MaxStreamsPerConversation);
        if (session is null)
            return DirectLineResults.TooManyRequests(http, options.Value.StreamKeepAlive);
        using var socket = await http.WebSockets.AcceptWebSocketAsync();
        // The stream lives no longer than the token that opened it; the client reconnects with a refreshed one.
        using var expired = new CancellationTokenSource(Max(grant.ExpiresAt - clock.GetUtcNow(), TimeSpan.Zero), clock);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct, session.Collided, expired.Token, lifetime.ApplicationStopping);
        // Receiving is cancelled only with the request: cancelling a pending receive would abort the socket mid-close.
        var closedByClient = DrainAsync(socket, ct);
        try
        {
            while (!stop.IsCancellationRequested && socket.State == WebSocketState.Open)
            {
                var changed = session.Changed;
                var page = await store.ReadAsync(conversationId, last, options.Value.MaxActivitiesPerPoll, stop.Token);
                if (page.Activities.Count > 0)
                {
                    await socket.SendAsync(page.ToActivitySetJson(), WebSocketMessageType.Text, true, stop.Token);
                    await ConfirmFetchAsync(http, conversationId, page, stop.Token);
                    last = page.Watermark;
                    continue;
                }
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(stop.Token);
                var idle = Task.Delay(options.Value.StreamKeepAlive, clock, wait.Token);
                var woke = await Task.WhenAny(changed, idle, closedByClient);
                await wait.CancelAsync();
                if (woke == closedByClient)
                    break;
                if (woke == idle && !stop.IsCancellationRequested)
                    await socket.SendAsync(KeepAlive, WebSocketMessageType.Text, true, stop.Token);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            // The client went away, a newer stream took over, or the host is stopping.
        }
        var reason = session.Collided.IsCancellationRequested ? "collision" : expired.IsCancellationRequested ? "expired" : "closed";
        await CloseAsync(socket, reason, closedByClient);
        return TypedResults.Empty;
    }

    /// <summary>ws:// or wss:// to the stream of <paramref name="conversationId"/> from <paramref name="watermark"/>, pre-authorized with the token.</summary>
    internal static string StreamUrl(HttpContext http, string conversationId, string token, long watermark) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{(http.Request.IsHttps ? "wss" : "ws")}://{http.Request.Host}{http.Request.PathBase}/v3/directline/conversations/{conversationId}/stream?watermark={watermark}&t={Uri.EscapeDataString(token)}");

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static bool TryWatermark(string? watermark, out long? from)
    {
        from = null;
        if (string.IsNullOrEmpty(watermark))
            return true;
        if (!long.TryParse(watermark, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            return false;
        from = parsed;
        return true;
    }

    private static IResult InvalidWatermark() =>
        DirectLineResults.BadRequest("Invalid watermark", "The watermark must be the value returned by an earlier poll.");

    /// <summary>Reads and drops what the client sends until it closes the socket (or it breaks).</summary>
    private static async Task DrainAsync(WebSocket socket, CancellationToken ct)
    {
        var buffer = new byte[1024];
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                var received = await socket.ReceiveAsync(buffer, ct);
                if (received.MessageType == WebSocketMessageType.Close)
                    return;
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            // Closed either way.
        }
    }

    /// <summary>Sends the close frame and waits (briefly) for the client's, so the reason reaches it before the connection ends.</summary>
    private static async Task CloseAsync(WebSocket socket, string reason, Task closedByClient)
    {
        if (socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived))
            return;
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            var status = reason is "collision" or "expired" ? WebSocketCloseStatus.PolicyViolation : WebSocketCloseStatus.NormalClosure;
            await socket.CloseOutputAsync(status, reason, timeout.Token);
            await closedByClient.WaitAsync(timeout.Token);
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            // The client is gone; nothing more to say.
        }
    }
}

using System.Globalization;
using System.Security.Cryptography;
using Dunning.Bot.Hosting;
using Microsoft.Extensions.Options;

namespace Dunning.Bot.Channels.WebChat;

/// <summary>
/// The Direct Line 3.0 subset under <c>/v3/directline</c>: start a conversation, post an activity, poll
/// activities from a watermark or receive them on a WebSocket stream, reconnect, refresh a token. Anyone may start a conversation (the page is public; a
/// conversation knows nothing until the bot binds it) unless <see cref="WebChatOptions.AllowAnonymousStart"/> is off; everything else needs that
/// conversation's token (401 missing or forged, 403 another conversation's or expired: <c>TokenExpired</c>). Browser pages of the websites in
/// <see cref="WebChatOptions.AllowedOrigins"/> may call it (<see cref="DirectLineCors"/>).
/// </summary>
internal static partial class DirectLineApi
{
    public static RouteGroupBuilder MapDirectLine(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v3/directline")
            .RequireCors(DirectLineCors.PolicyName)
            .AddEndpointFilter(LimitPerIpAsync)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        group.MapPost("/conversations", StartAsync);
        group.MapPost("/conversations/{conversationId}/activities", PostActivityAsync);
        group.MapGet("/conversations/{conversationId}/activities", GetActivitiesAsync);
        group.MapGet("/conversations/{conversationId}", ReconnectAsync);
        group.MapGet("/conversations/{conversationId}/stream", StreamAsync);
        group.MapPost("/tokens/refresh", RefreshAsync);
        group.MapPost("/conversations/{conversationId}/upload", UploadAsync).DisableAntiforgery();
        return group;
    }

    /// <summary>
    /// 201 with a new conversation, its token and stream URL; with the token of an existing conversation, 200 and that
    /// conversation again (as Direct Line does), so a reloaded page can resume. Without a token (or with
    /// <c>Bearer undefined</c>, what directlinejs sends when it has none) a new conversation starts only while
    /// <see cref="WebChatOptions.AllowAnonymousStart"/> is on; it is bound to no debtor until a link token or access code.
    /// </summary>
    internal static async Task<IResult> StartAsync(HttpContext http, DirectLineTokens tokens, IWebChatStore store,
        WebChatRateLimits limits, IOptions<WebChatOptions> options, TimeProvider clock, CancellationToken ct)
    {
        if (Bearer(http) is not null)
        {
            var check = await tokens.CheckAsync(Bearer(http), ct);
            if (check.IsExpired)
                return DirectLineResults.TokenExpired("The token has expired; start a new conversation.");
            if (check.Grant is not { } grant)
                return DirectLineResults.Unauthorized("The token is malformed or forged.");
            if (!await store.ExistsAsync(grant.ConversationId, ct))
                return DirectLineResults.NotFound("The token's conversation does not exist.");
            return TypedResults.Ok(Describe(grant.ConversationId, Bearer(http)!, grant.ExpiresAt, clock) with
            {
                StreamUrl = StreamUrl(http, grant.ConversationId, Bearer(http)!, 0),
            });
        }
        if (!options.Value.AllowAnonymousStart)
            return DirectLineResults.Unauthorized("New web chats are off (WebChat:AllowAnonymousStart); only a conversation's token resumes it.");
        if (limits.Start(ClientIp(http)) is { } wait)
            return DirectLineResults.TooManyRequests(http, wait);
        var conversationId = NewId();
        var userId = "dl_" + NewId()[..16];
        await store.CreateConversationAsync(conversationId, userId, clock.GetUtcNow(), ct);
        var token = tokens.Issue(conversationId, userId);
        return TypedResults.Created((string?)null, new DirectLineConversation(conversationId, token, (int)tokens.Lifetime.TotalSeconds)
        {
            StreamUrl = StreamUrl(http, conversationId, token, 0),
        });
    }

    /// <summary>
    /// A new token for the same conversation and user; the old one stays valid until it expires. A chain of refreshes
    /// ends <see cref="WebChatOptions.TokenMaxAge"/> after its first token (then the client starts a new conversation).
    /// </summary>
    internal static async Task<IResult> RefreshAsync(HttpContext http, DirectLineTokens tokens, TimeProvider clock, CancellationToken ct)
    {
        var check = await tokens.CheckAsync(Bearer(http), ct);
        if (check.IsExpired)
            return DirectLineResults.TokenExpired("An expired token cannot be refreshed; start a new conversation.");
        if (check.Grant is not { } grant)
            return DirectLineResults.Unauthorized("Only a valid, unexpired token can be refreshed.");
        if (tokens.Refresh(grant) is not var (token, expiresAt))
            return DirectLineResults.TokenExpired("This conversation's tokens have reached WebChat:TokenMaxAge; start a new conversation.");
        return TypedResults.Ok(Describe(grant.ConversationId, token, expiresAt, clock));
    }

    /// <summary>The activities after <c>watermark</c> as a Direct Line <c>ActivitySet</c>.</summary>
    internal static async Task<IResult> GetActivitiesAsync(string conversationId, string? watermark, HttpContext http,
        DirectLineTokens tokens, IWebChatStore store, IOptions<WebChatOptions> options, CancellationToken ct)
    {
        if (await AuthorizeAsync(http, conversationId, tokens, ct) is { } denied)
            return denied;
        if (!TryWatermark(watermark, out var from))
            return InvalidWatermark();
        var page = await store.ReadAsync(conversationId, from, options.Value.MaxActivitiesPerPoll, ct);
        await ConfirmFetchAsync(http, conversationId, page, ct);
        http.Response.Headers.CacheControl = "no-store";
        return new ActivitySetResult(page);
    }

    /// <summary>
    /// The client is handed <paramref name="page"/>: proactive messages in it are delivered now (see
    /// <see cref="Scheduling.DeliveryReceipts"/>). A failure to record it never fails the fetch; the next one records it.
    /// </summary>
    private static async Task ConfirmFetchAsync(HttpContext http, string conversationId, ActivityPage page, CancellationToken ct)
    {
        if (page.Activities.Count == 0 || http.RequestServices.GetService<Scheduling.DeliveryReceipts>() is not { } receipts)
            return;
        try
        {
            await receipts.FetchedAsync(conversationId, page.Watermark, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            http.RequestServices.GetRequiredService<ILogger<DirectLineConversation>>()
                .LogWarning(ex, "Could not record the delivery of web chat {Conversation} up to {Watermark}", conversationId, page.Watermark);
        }
    }

    /// <summary>Null when the bearer token is valid for <paramref name="conversationId"/>; else the 401/403 answer.</summary>
    private static async Task<IResult?> AuthorizeAsync(HttpContext http, string conversationId, DirectLineTokens tokens, CancellationToken ct) =>
        await GrantAsync(http, conversationId, tokens, null, ct) is { Denied: { } denied } ? denied : null;

    /// <summary>The grant of the bearer token (or of <paramref name="token"/>, a stream URL's) for <paramref name="conversationId"/>, or the 401/403 answer.</summary>
    private static async Task<(DirectLineGrant? Grant, IResult? Denied)> GrantAsync(HttpContext http, string conversationId, DirectLineTokens tokens,
        string? token, CancellationToken ct)
    {
        var check = await tokens.CheckAsync(token ?? Bearer(http), ct);
        if (check.IsExpired)
            return (null, DirectLineResults.TokenExpired("The token has expired; refresh tokens before they expire."));
        if (check.Grant is not { } grant)
            return (null, DirectLineResults.Unauthorized("Send the conversation's token as 'Authorization: Bearer <token>' (or a stream URL's 't')."));
        if (!string.Equals(grant.ConversationId, conversationId, StringComparison.Ordinal))
            return (null, DirectLineResults.Forbidden("The token belongs to another conversation."));
        return (grant, null);
    }

    private static async ValueTask<object?> LimitPerIpAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var limits = http.RequestServices.GetRequiredService<WebChatRateLimits>();
        if (limits.Request(ClientIp(http)) is { } wait)
            return DirectLineResults.TooManyRequests(http, wait);
        return await next(context);
    }

    private static DirectLineConversation Describe(string conversationId, string token, DateTimeOffset expiresAt, TimeProvider clock) =>
        new(conversationId, token, Math.Max(0, (int)(expiresAt - clock.GetUtcNow()).TotalSeconds));

    /// <summary>
    /// The bearer token, or null for none: no header, an empty one, or the <c>undefined</c>/<c>null</c> a JavaScript
    /// client (directlinejs without a token) writes when it has none.
    /// </summary>
    private static string? Bearer(HttpContext http)
    {
        var header = http.Request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        if (!header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
            return null;
        var token = header[scheme.Length..].Trim();
        return token is "" or "undefined" or "null" ? null : token;
    }

    private static string ClientIp(HttpContext http) => ClientAddress.Key(http.Connection.RemoteIpAddress);

    /// <summary>32 lowercase hex digits (128 random bits): unguessable, and safe under any collation.</summary>
    private static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}

using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dunning.Bot.Conversations;

namespace Dunning.Bot.Channels.Teams;

/// <summary>
/// The few Bot Connector REST calls the bot makes (<c>{serviceUrl}/v3/conversations/…</c>): send, reply, update,
/// delete and create a conversation. Each call checks that the serviceUrl is trusted, takes a rate-limit permit,
/// presents the connector token (none when authentication is off) and makes exactly one attempt.
/// </summary>
public sealed partial class BotConnectorClient
{
    private const int MaxResponseBytes = 64 * 1024;
    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };
    private readonly HttpClient http;
    private readonly IBotConnectorTokenProvider tokens;
    private readonly TrustedServiceUrls trusted;
    private readonly TeamsRateLimits limits;
    private readonly ILogger<BotConnectorClient> logger;

    public BotConnectorClient(HttpClient http, IBotConnectorTokenProvider tokens, TrustedServiceUrls trusted, TeamsRateLimits limits, ILogger<BotConnectorClient> logger)
    {
        this.http = http ?? throw new ArgumentNullException(nameof(http));
        this.tokens = tokens ?? throw new ArgumentNullException(nameof(tokens));
        this.trusted = trusted ?? throw new ArgumentNullException(nameof(trusted));
        this.limits = limits ?? throw new ArgumentNullException(nameof(limits));
        this.logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <summary>
    /// Posts <paramref name="activity"/> to its conversation: as a reply to <c>replyToId</c> when set, else as a new
    /// message. <paramref name="mayWait"/>: wait for the rate limiter (a reply in a turn) or answer 429 at once (proactive).
    /// </summary>
    /// <exception cref="UntrustedServiceUrlException">The activity's serviceUrl is not trusted.</exception>
    public Task<ConnectorResponse> SendAsync(Activity activity, bool mayWait, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var path = ActivitiesPath(activity.Conversation?.Id, activity.ReplyToId);
        return CallAsync(HttpMethod.Post, activity.ServiceUrl, path, activity.Conversation, ActivityJson.SerializeToUtf8Bytes(activity), mayWait, cancellationToken);
    }

    /// <summary>Replaces the activity named by <c>activity.id</c> (PUT).</summary>
    public Task<ConnectorResponse> UpdateAsync(Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentException.ThrowIfNullOrEmpty(activity.Id);
        var path = ActivitiesPath(activity.Conversation?.Id, activity.Id);
        return CallAsync(HttpMethod.Put, activity.ServiceUrl, path, activity.Conversation, ActivityJson.SerializeToUtf8Bytes(activity), mayWait: true, cancellationToken);
    }

    /// <summary>Deletes the activity <see cref="ConversationReference.ActivityId"/> (DELETE).</summary>
    public Task<ConnectorResponse> DeleteAsync(ConversationReference reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentException.ThrowIfNullOrEmpty(reference.ActivityId);
        var path = ActivitiesPath(reference.Conversation?.Id, reference.ActivityId);
        return CallAsync(HttpMethod.Delete, reference.ServiceUrl, path, reference.Conversation, body: null, mayWait: true, cancellationToken);
    }

    /// <summary>Creates a conversation (<c>POST {serviceUrl}/v3/conversations</c>); the response's Id is the new conversation's.</summary>
    public Task<ConnectorResponse> CreateConversationAsync(string serviceUrl, string tenantId, JsonObject parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var scope = new ConversationAccount("new-conversation") { TenantId = tenantId };
        return CallAsync(HttpMethod.Post, serviceUrl, "v3/conversations", scope, JsonSerializer.SerializeToUtf8Bytes(parameters), mayWait: false, cancellationToken);
    }

    private static string ActivitiesPath(string? conversationId, string? activityId)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        var path = $"v3/conversations/{Uri.EscapeDataString(conversationId)}/activities";
        return string.IsNullOrEmpty(activityId) ? path : $"{path}/{Uri.EscapeDataString(activityId)}";
    }

    private async Task<ConnectorResponse> CallAsync(HttpMethod method, string? serviceUrl, string path, ConversationAccount? conversation,
        byte[]? body, bool mayWait, CancellationToken cancellationToken)
    {
        if (!trusted.IsTrusted(serviceUrl))
        {
            LogUntrusted(serviceUrl);
            throw new UntrustedServiceUrlException(serviceUrl);
        }
        var baseUrl = TrustedServiceUrls.Normalize(serviceUrl)!;
        var attempt = await limits.AcquireAsync(baseUrl, conversation?.Id ?? "", conversation?.TenantId, mayWait, cancellationToken).ConfigureAwait(false);
        if (attempt.Permit is not { } permit)
            return new ConnectorResponse(429, RetryAfter: attempt.RetryAfter, Detail: "held back by the bot's own Teams rate limit", ServiceUrl: baseUrl);
        await using (permit.ConfigureAwait(false))
            return await RequestAsync(method, baseUrl, path, body, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The request itself, with a rate-limit permit held until its answer.</summary>
    private async Task<ConnectorResponse> RequestAsync(HttpMethod method, string baseUrl, string path, byte[]? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(new Uri(baseUrl), path));
        if (body is not null)
            request.Content = new ByteArrayContent(body) { Headers = { ContentType = Json } };
        if (await tokens.GetTokenAsync(cancellationToken).ConfigureAwait(false) is { } token)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);

        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        var status = (int)response.StatusCode;
        var text = await ReadLimitedAsync(response.Content, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            LogFailed(method.Method, path, status);
            return new ConnectorResponse(status, RetryAfter: RetryAfter(response), Detail: ErrorDetail(status, text), ServiceUrl: baseUrl);
        }
        return new ConnectorResponse(status, Id: ReadId(text), ServiceUrl: baseUrl);
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } when response.Headers.Date is { } now => date > now ? date - now : TimeSpan.Zero,
        _ => null,
    };

    private static async Task<string> ReadLimitedAsync(HttpContent content, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        var buffer = new byte[MaxResponseBytes];
        var read = 0;
        int n;
        while (read < buffer.Length && (n = await stream.ReadAsync(buffer.AsMemory(read), cancellationToken).ConfigureAwait(false)) > 0)
            read += n;
        return Encoding.UTF8.GetString(buffer, 0, read);
    }

    private static string? ReadId(string text)
    {
        try
        {
            return JsonNode.Parse(text) is JsonObject o && o["id"] is JsonValue id && id.TryGetValue<string>(out var value) ? value : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string ErrorDetail(int status, string text)
    {
        try
        {
            if (JsonNode.Parse(text)?["error"] is JsonObject error)
                return string.Create(CultureInfo.InvariantCulture, $"{status} {error["code"]}: {Truncate(error["message"]?.ToString())}");
        }
        catch (JsonException)
        {
        }
        return string.Create(CultureInfo.InvariantCulture, $"{status}");
    }

    private static string? Truncate(string? text) => text is { Length: > 200 } ? text[..200] : text;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused an outbound Bot Connector call to the untrusted serviceUrl {ServiceUrl}")]
    private partial void LogUntrusted(string? serviceUrl);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bot Connector {Method} {Path} answered {Status}")]
    private partial void LogFailed(string method, string path, int status);
}

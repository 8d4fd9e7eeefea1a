using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Dunning.Bot.Tests.Fakes.BotFramework;

/// <summary>
/// The Bot Connector REST service on loopback: replies and sends to a conversation, updates and deletes an
/// activity, and creating a 1:1 conversation. Records every request with its Authorization header; failures (429 with Retry-After, 5xx,
/// 403, 404) can be queued for the next requests. Also serves files users sent (see <see cref="AddInlineImage"/>, <see cref="AddSharedFile"/>).
/// </summary>
public sealed class FakeBotConnector : IAsyncDisposable
{
    private readonly ConcurrentQueue<ConnectorRequest> requests = new();
    private readonly ConcurrentQueue<(int Status, TimeSpan? RetryAfter)> failures = new();
    private WebApplication? app;
    private int nextId;

    public Uri ServiceUrl { get; private set; } = null!;

    public IReadOnlyList<ConnectorRequest> Requests => [.. requests];

    public static async Task<FakeBotConnector> StartAsync()
    {
        var connector = new FakeBotConnector();
        (connector.app, connector.ServiceUrl, _) = await LoopbackServer.StartAsync(connector.Map);
        return connector;
    }

    /// <summary>
    /// How long each request is held before it is recorded and answered (a slow connector, so a batch takes a while).
    /// The wait ignores the caller hanging up: like the real service, a message already received is delivered even if the
    /// sender dies before reading the answer.
    /// </summary>
    public TimeSpan Delay { get; set; }

    /// <summary>The next request (of any kind) is answered with this status instead of succeeding.</summary>
    public void FailNext(int status, TimeSpan? retryAfter = null) => failures.Enqueue((status, retryAfter));

    private void Map(WebApplication web)
    {
        web.MapPost("/v3/conversations/{conversationId}/activities", (string conversationId, HttpContext http) =>
            HandleAsync(http, conversationId, null, _ => new JsonObject { ["id"] = NewId("activity") }));
        web.MapPost("/v3/conversations/{conversationId}/activities/{activityId}", (string conversationId, string activityId, HttpContext http) =>
            HandleAsync(http, conversationId, activityId, _ => new JsonObject { ["id"] = NewId("activity") }));
        web.MapPut("/v3/conversations/{conversationId}/activities/{activityId}", (string conversationId, string activityId, HttpContext http) =>
            HandleAsync(http, conversationId, activityId, _ => new JsonObject { ["id"] = activityId }));
        web.MapDelete("/v3/conversations/{conversationId}/activities/{activityId}", (string conversationId, string activityId, HttpContext http) =>
            HandleAsync(http, conversationId, activityId, _ => new JsonObject(), bodyRequired: false));
        web.MapPost("/v3/conversations", (Delegate)((HttpContext http) => HandleAsync(http, null, null, CreateConversation)));
        web.MapGet("/v3/attachments/{id}/views/{view}", (string id, HttpContext http) => ServeFile(http, "attachment/" + id, tokenRequired: true));
        web.MapGet("/shared/{id}/{name}", (string id, HttpContext http) => ServeFile(http, "shared/" + id, tokenRequired: false));
    }

    private readonly ConcurrentDictionary<string, byte[]> files = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<(string Path, string? Authorization)> downloads = new();

    /// <summary>Every file download, with its Authorization header.</summary>
    public IReadOnlyList<(string Path, string? Authorization)> Downloads => [.. downloads];

    /// <summary>An image pasted into a Teams message: its Bot Connector contentUrl (GET needs the bot's token).</summary>
    public Uri AddInlineImage(byte[] content)
    {
        var id = NewId("0-att");
        files["attachment/" + id] = content;
        return new Uri(ServiceUrl, $"v3/attachments/{id}/views/original");
    }

    /// <summary>A file shared from OneDrive/SharePoint: its pre-authorized downloadUrl (no token needed).</summary>
    public Uri AddSharedFile(string name, byte[] content)
    {
        var id = NewId("file");
        files["shared/" + id] = content;
        return new Uri(ServiceUrl, $"shared/{id}/{Uri.EscapeDataString(name)}");
    }

    private IResult ServeFile(HttpContext http, string key, bool tokenRequired)
    {
        var authorization = http.Request.Headers.Authorization.ToString() is { Length: > 0 } auth ? auth : null;
        downloads.Enqueue((http.Request.Path.Value ?? "", authorization));
        if (tokenRequired && authorization?.StartsWith("Bearer ", StringComparison.Ordinal) != true)
            return Results.StatusCode(401);
        return files.TryGetValue(key, out var content) ? Results.Bytes(content, "application/octet-stream") : Results.NotFound();
    }

    private JsonObject CreateConversation(JsonNode body)
    {
        var created = new JsonObject { ["id"] = NewId("a:conversation"), ["serviceUrl"] = ServiceUrl.ToString() };
        if (body["activity"] is JsonObject)
            created["activityId"] = NewId("activity");
        return created;
    }

    private async Task<IResult> HandleAsync(HttpContext http, string? conversationId, string? activityId, Func<JsonNode, JsonObject> answer, bool bodyRequired = true)
    {
        using var reader = new StreamReader(http.Request.Body);
        var body = await reader.ReadToEndAsync(http.RequestAborted);
        JsonNode? json = null;
        try
        {
            json = JsonNode.Parse(body);
        }
        catch (JsonException)
        {
        }

        if (Delay > TimeSpan.Zero)
            await Task.Delay(Delay, CancellationToken.None);
        var (status, result) = Respond(http, bodyRequired ? json : new JsonObject(), answer);
        requests.Enqueue(new ConnectorRequest(
            http.Request.Method, http.Request.Path.Value ?? "", conversationId, activityId,
            http.Request.Headers.Authorization.ToString() is { Length: > 0 } auth ? auth : null, body, json, status));
        return result;
    }

    private (int Status, IResult Result) Respond(HttpContext http, JsonNode? json, Func<JsonNode, JsonObject> answer)
    {
        if (failures.TryDequeue(out var failure))
        {
            if (failure.RetryAfter is { } wait)
                http.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return (failure.Status, Results.Json(new { error = new { code = $"Status{failure.Status}", message = "injected failure" } }, statusCode: failure.Status));
        }
        if (json is not JsonObject)
            return (400, Results.Json(new { error = new { code = "BadArgument", message = "The body must be a JSON object." } }, statusCode: 400));
        return (200, Results.Json(answer(json)));
    }

    private string NewId(string prefix) => $"{prefix}-{Interlocked.Increment(ref nextId)}";

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
            await app.DisposeAsync();
    }
}

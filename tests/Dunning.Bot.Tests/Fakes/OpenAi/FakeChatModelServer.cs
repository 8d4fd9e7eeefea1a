using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Dunning.Bot.Tests.Fakes.OpenAi;

/// <summary>
/// An OpenAI-compatible chat server on 127.0.0.1 (a random port), written from the public API reference:
/// <c>POST /v1/chat/completions</c> answers a <c>chat.completion</c> whose assistant message is <see cref="Content"/>
/// (after <see cref="Delay"/>, to exercise timeouts). Every request body is kept in <see cref="Requests"/>.
/// </summary>
public sealed class FakeChatModelServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<JsonNode> requests = new();
    private readonly ConcurrentQueue<string> authorizations = new();

    private FakeChatModelServer(WebApplication app) => this.app = app;

    /// <summary>The API base the client is given, e.g. http://127.0.0.1:54321/v1.</summary>
    public Uri Endpoint { get; private set; } = null!;

    /// <summary>The assistant message's content the next answers carry.</summary>
    public string Content { get; set; } = """{"intent":"unknown"}""";

    /// <summary>How long each answer waits before it is sent.</summary>
    public TimeSpan Delay { get; set; } = TimeSpan.Zero;

    /// <summary>Answer with this HTTP status and an OpenAI error body instead of a completion, when set.</summary>
    public int? FailWith { get; set; }

    public IReadOnlyList<JsonNode> Requests => [.. requests];

    /// <summary>The Authorization header of every request, in order.</summary>
    public IReadOnlyList<string> Authorizations => [.. authorizations];

    public static async Task<FakeChatModelServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeChatModelServer(app);
        app.MapPost("/v1/chat/completions", server.CompleteAsync);
        await app.StartAsync();
        server.Endpoint = new Uri(app.Urls.Single().TrimEnd('/') + "/v1");
        return server;
    }

    private async Task<IResult> CompleteAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var body = await JsonNode.ParseAsync(request.Body, cancellationToken: cancellationToken);
        authorizations.Enqueue(request.Headers.Authorization.ToString());
        requests.Enqueue(body!);
        if (Delay > TimeSpan.Zero)
            await Task.Delay(Delay, cancellationToken);
        if (FailWith is { } status)
            return Results.Json(new { error = new { message = "model not loaded", type = "server_error", code = (string?)null } }, statusCode: status);
        var answer = new JsonObject
        {
            ["id"] = "chatcmpl-" + requests.Count,
            ["object"] = "chat.completion",
            ["created"] = 1_764_000_000,
            ["model"] = body?["model"]?.GetValue<string>() ?? "fake",
            ["choices"] = new JsonArray(new JsonObject
            {
                ["index"] = 0,
                ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = Content },
                ["finish_reason"] = "stop",
            }),
            ["usage"] = new JsonObject { ["prompt_tokens"] = 50, ["completion_tokens"] = 8, ["total_tokens"] = 58 },
        };
        return Results.Text(answer.ToJsonString(), "application/json");
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Dunning.Bot.Tests.Fakes.Telegram;

/// <summary>
/// An in-process Telegram Bot API server for tests, written from the public Bot API documentation.
/// Serves <c>/bot{token}/{method}</c> at the root of <see cref="BaseUrl"/> on 127.0.0.1 (a random port),
/// so a real <c>TelegramBotClient</c> built with <c>new TelegramBotClientOptions(token, server.BaseUrl.ToString())</c>
/// talks to it unchanged. Method names are case-insensitive, as in the real API. All state is in memory;
/// every public member is thread-safe.
/// </summary>
public sealed partial class FakeTelegramServer : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly WebApplication _app;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Dictionary<string, Func<BotRequest, CancellationToken, Task<JsonNode>>> _methods;
    private readonly List<ApiCall> _calls = [];
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private FakeTelegramServer(FakeTelegramOptions options, WebApplication app)
    {
        Options = options;
        _app = app;
        _limiter = new SendRateLimiter(options);
        _nextUpdateId = options.FirstUpdateId;
        _methods = new(StringComparer.OrdinalIgnoreCase)
        {
            ["getMe"] = (_, _) => Task.FromResult<JsonNode>(BotUserJson(full: true)),
            ["getUpdates"] = GetUpdatesAsync,
            ["setWebhook"] = Sync(SetWebhook),
            ["deleteWebhook"] = Sync(DeleteWebhook),
            ["getWebhookInfo"] = Sync(GetWebhookInfo),
            ["sendMessage"] = Sync(SendMessage),
            ["sendPhoto"] = Sync(r => SendFile(r, "photo")),
            ["sendDocument"] = Sync(r => SendFile(r, "document")),
            ["answerCallbackQuery"] = Sync(AnswerCallbackQuery),
            ["editMessageReplyMarkup"] = Sync(EditMessageReplyMarkup),
            ["setMyCommands"] = Sync(SetMyCommands),
            ["getMyCommands"] = Sync(GetMyCommands),
            ["deleteMyCommands"] = Sync(DeleteMyCommands),
            ["getFile"] = Sync(GetFile),
        };
    }

    public FakeTelegramOptions Options { get; }

    /// <summary>The server root, e.g. http://127.0.0.1:54321/ — pass it as the client's base URL.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    public string Token => Options.Token;

    /// <summary>The bot's numeric id: the part of the token before the colon.</summary>
    public long BotId => long.Parse(Options.Token.AsSpan(0, Options.Token.IndexOf(':', StringComparison.Ordinal)), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Every request answered so far, in order (including errors and injected faults).</summary>
    public IReadOnlyList<ApiCall> Calls
    {
        get { lock (_gate) return [.. _calls]; }
    }

    public static async Task<FakeTelegramServer> StartAsync(FakeTelegramOptions? options = null, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = 60L * 1024 * 1024);
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeTelegramServer(options ?? new FakeTelegramOptions(), app);
        app.Run(server.HandleAsync);
        await app.StartAsync(cancellationToken);
        server.BaseUrl = new Uri(app.Urls.Single().TrimEnd('/') + "/");
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
        _webhookClient.Dispose();
        _stopping.Dispose();
    }

    /// <summary>Completes when <paramref name="condition"/> holds (checked after every state change and every 50 ms), or throws
    /// <see cref="TimeoutException"/>. Use it to await what a background receiver/sender did.</summary>
    public async Task WaitUntilAsync(Func<FakeTelegramServer, bool> condition, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        while (true)
        {
            Task changed;
            lock (_gate) changed = _changed.Task;
            if (condition(this)) return;
            try
            {
                // Re-check on every change, and every 50 ms for conditions that also read the caller's state.
                await changed.WaitAsync(TimeSpan.FromMilliseconds(50), deadline.Token);
            }
            catch (TimeoutException)
            {
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"The fake Telegram server did not reach the expected state within {timeout}.");
            }
        }
    }

    private void SignalChanged()
    {
        // Called under _gate.
        _changed.TrySetResult();
        _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private static Func<BotRequest, CancellationToken, Task<JsonNode>> Sync(Func<BotRequest, JsonNode> handler) =>
        (request, _) => Task.FromResult(handler(request));

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        if (path.StartsWith("/file/bot", StringComparison.Ordinal))
        {
            await ServeFileAsync(context);
            return;
        }
        var slash = path.IndexOf('/', 1);
        if (!path.StartsWith("/bot", StringComparison.Ordinal) || slash < 0 || slash == path.Length - 1)
        {
            await WriteErrorAsync(context, new BotApiError(404, "Not Found"));
            return;
        }
        var token = path[4..slash];
        var method = path[(slash + 1)..];
        using var aborted = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
        if (token != Options.Token)
        {
            await RespondAsync(context, method, () => throw new BotApiError(401, "Unauthorized"), aborted.Token);
            return;
        }
        if (!_methods.TryGetValue(method, out var handler))
        {
            await RespondAsync(context, method, () => throw new BotApiError(404, "Not Found"), aborted.Token);
            return;
        }
        var fault = TakeFault(method);
        if (fault is not null && await ApplyFaultBeforeAsync(context, method, fault, aborted.Token)) return;
        BotRequest request;
        try
        {
            request = await BotRequest.ReadAsync(context.Request, aborted.Token);
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or InvalidDataException or IOException or BadHttpRequestException)
        {
            await RespondAsync(context, method, () => throw BotApiError.BadRequest("can't parse request body"), aborted.Token);
            return;
        }
        JsonNode result;
        try
        {
            result = await handler(request, aborted.Token);
        }
        catch (BotApiError error)
        {
            await RespondAsync(context, method, () => throw error, aborted.Token);
            return;
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            Record(method, 0);
            return;
        }
        if (fault?.Kind == FakeFaultKind.HangAfterProcessing)
        {
            await HangAsync(method, aborted.Token);
            context.Abort();
            return;
        }
        await RespondAsync(context, method, () => result, aborted.Token);
    }

    private async Task RespondAsync(HttpContext context, string method, Func<JsonNode> result, CancellationToken cancellationToken)
    {
        try
        {
            var body = new JsonObject { ["ok"] = true, ["result"] = result() };
            Record(method, 200);
            await WriteJsonAsync(context, 200, body, cancellationToken);
        }
        catch (BotApiError error)
        {
            Record(method, error.ErrorCode);
            await WriteErrorAsync(context, error);
        }
    }

    private static Task WriteErrorAsync(HttpContext context, BotApiError error)
    {
        var body = new JsonObject { ["ok"] = false, ["error_code"] = error.ErrorCode, ["description"] = error.Description };
        if (error.RetryAfter is { } retryAfter) body["parameters"] = new JsonObject { ["retry_after"] = retryAfter };
        return WriteJsonAsync(context, error.ErrorCode, body, context.RequestAborted);
    }

    private static async Task WriteJsonAsync(HttpContext context, int status, JsonNode body, CancellationToken cancellationToken)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body.ToJsonString(), cancellationToken);
    }

    private void Record(string method, int status)
    {
        lock (_gate)
        {
            _calls.Add(new ApiCall(method, status, Options.TimeProvider.GetUtcNow()));
            SignalChanged();
        }
    }

    private long UnixNow() => Options.TimeProvider.GetUtcNow().ToUnixTimeSeconds();

    private JsonObject BotUserJson(bool full)
    {
        var json = new JsonObject
        {
            ["id"] = BotId,
            ["is_bot"] = true,
            ["first_name"] = Options.BotFirstName,
            ["username"] = Options.BotUsername,
        };
        if (full)
        {
            json["can_join_groups"] = true;
            json["can_read_all_group_messages"] = false;
            json["supports_inline_queries"] = false;
            json["can_connect_to_business"] = false;
            json["has_main_web_app"] = false;
        }
        return json;
    }
}

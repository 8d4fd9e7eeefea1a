using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Dunning.Bot.Tests.Fakes.Telegram;

/// <summary>setWebhook/deleteWebhook/getWebhookInfo and delivery of updates to the webhook.</summary>
public sealed partial class FakeTelegramServer
{
    private readonly HttpClient _webhookClient = new() { Timeout = TimeSpan.FromSeconds(60) };
    private readonly List<WebhookDelivery> _deliveries = [];
    private string? _webhookUrl;
    private string? _webhookSecret;
    private int _maxConnections = 40;
    private long? _lastErrorDate;
    private string? _lastErrorMessage;

    /// <summary>The webhook URL set by the bot, or null while it polls.</summary>
    public string? WebhookUrl
    {
        get { lock (_gate) return _webhookUrl; }
    }

    /// <summary>The secret_token given with setWebhook (sent as X-Telegram-Bot-Api-Secret-Token), or null.</summary>
    public string? WebhookSecret
    {
        get { lock (_gate) return _webhookSecret; }
    }

    public IReadOnlyList<WebhookDelivery> WebhookDeliveries
    {
        get { lock (_gate) return [.. _deliveries]; }
    }

    /// <summary>POSTs the oldest pending update to the webhook as Telegram does (JSON body, secret header).
    /// A 2xx answer confirms it; any other outcome keeps it pending and is reported by getWebhookInfo.
    /// A 2xx JSON answer with a "method" field is executed as a Bot API call, as documented.
    /// Returns null when no webhook is set or nothing is pending.</summary>
    public async Task<WebhookDelivery?> DeliverNextUpdateAsync(CancellationToken cancellationToken)
    {
        JsonObject update;
        string url;
        string? secret;
        lock (_gate)
        {
            if (_webhookUrl is null || _pending.Count == 0) return null;
            (update, url, secret) = ((JsonObject)_pending[0].DeepClone(), _webhookUrl, _webhookSecret);
        }
        var updateId = (int)update["update_id"]!;
        using var post = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(update) };
        if (secret is not null) post.Headers.Add("X-Telegram-Bot-Api-Secret-Token", secret);
        WebhookDelivery delivery;
        try
        {
            using var response = await _webhookClient.SendAsync(post, cancellationToken);
            var status = (int)response.StatusCode;
            delivery = new WebhookDelivery(updateId, status, null);
            if (response.IsSuccessStatusCode)
            {
                lock (_gate) _pending.RemoveAll(u => (int)u["update_id"]! == updateId);
                await ExecuteWebhookReplyAsync(response, cancellationToken);
            }
            else
            {
                NoteWebhookError($"Wrong response from the webhook: {status} {response.ReasonPhrase}");
            }
        }
        catch (HttpRequestException ex)
        {
            delivery = new WebhookDelivery(updateId, null, ex.Message);
            NoteWebhookError("Connection refused");
        }
        lock (_gate)
        {
            _deliveries.Add(delivery);
            SignalChanged();
        }
        return delivery;
    }

    /// <summary>Delivers pending updates one by one until none is left or one is not accepted.</summary>
    public async Task<IReadOnlyList<WebhookDelivery>> DeliverPendingUpdatesAsync(CancellationToken cancellationToken)
    {
        var results = new List<WebhookDelivery>();
        while (await DeliverNextUpdateAsync(cancellationToken) is { } delivery)
        {
            results.Add(delivery);
            if (delivery.StatusCode is not (>= 200 and < 300)) break;
        }
        return results;
    }

    private async Task ExecuteWebhookReplyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentType?.MediaType != "application/json") return;
        JsonObject? reply;
        try
        {
            reply = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken)) as JsonObject;
        }
        catch (JsonException)
        {
            return;
        }
        if (reply?["method"]?.GetValue<string>() is not { } method || !_methods.TryGetValue(method, out var handler)) return;
        try
        {
            await handler(BotRequest.FromJson(reply), cancellationToken);
            Record(method, 200);
        }
        catch (BotApiError error)
        {
            Record(method, error.ErrorCode); // Telegram does not tell the bot about errors in webhook replies.
        }
    }

    private void NoteWebhookError(string message)
    {
        lock (_gate)
        {
            _lastErrorDate = UnixNow();
            _lastErrorMessage = message;
        }
    }

    private JsonNode SetWebhook(BotRequest request)
    {
        var url = request.GetString("url") ?? throw BotApiError.BadRequest("bad webhook: URL is empty");
        var secret = request.GetString("secret_token");
        if (secret is not null && !Regex.IsMatch(secret, "^[A-Za-z0-9_-]{1,256}$"))
        {
            throw BotApiError.BadRequest("secret token contains unallowed characters");
        }
        var maxConnections = request.GetInt32("max_connections") ?? 40;
        if (url.Length > 0) ValidateWebhookUrl(url);
        lock (_gate)
        {
            if (url.Length == 0) return RemoveWebhook(request.GetBool("drop_pending_updates"));
            SetAllowedUpdates(request);
            if (request.GetBool("drop_pending_updates")) _pending.Clear();
            _activePoll?.Cancel();
            (_webhookUrl, _webhookSecret, _maxConnections) = (url, secret, Math.Clamp(maxConnections, 1, 100));
            (_lastErrorDate, _lastErrorMessage) = (null, null);
            SignalChanged();
            return true;
        }
    }

    private static void ValidateWebhookUrl(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri)) throw BotApiError.BadRequest("bad webhook: Failed to resolve host: Name or service not known");
        // Telegram requires HTTPS; the fake also accepts plain HTTP to loopback so tests need no certificate.
        if (uri.Scheme != Uri.UriSchemeHttps && !(uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback))
        {
            throw BotApiError.BadRequest("bad webhook: An HTTPS URL must be provided for webhook");
        }
    }

    private JsonNode DeleteWebhook(BotRequest request)
    {
        lock (_gate) return RemoveWebhook(request.GetBool("drop_pending_updates"));
    }

    private JsonNode RemoveWebhook(bool dropPending)
    {
        // Called under _gate.
        if (dropPending) _pending.Clear();
        (_webhookUrl, _webhookSecret) = (null, null);
        SignalChanged();
        return true;
    }

    private JsonNode GetWebhookInfo(BotRequest request)
    {
        lock (_gate)
        {
            var info = new JsonObject
            {
                ["url"] = _webhookUrl ?? "",
                ["has_custom_certificate"] = false,
                ["pending_update_count"] = _pending.Count,
            };
            if (_webhookUrl is null) return info;
            info["max_connections"] = _maxConnections;
            if (_lastErrorDate is { } date)
            {
                info["last_error_date"] = date;
                info["last_error_message"] = _lastErrorMessage;
            }
            if (_allowedUpdates is not null) info["allowed_updates"] = new JsonArray([.. _allowedUpdates.Select(k => (JsonNode)k)]);
            return info;
        }
    }
}

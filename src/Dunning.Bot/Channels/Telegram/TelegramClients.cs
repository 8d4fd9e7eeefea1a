using Microsoft.Extensions.Options;
using Telegram.Bot;

namespace Dunning.Bot.Channels.Telegram;

/// <summary>
/// The Telegram.Bot clients of the channel, one per purpose, because they differ in how a 429 is retried.
/// </summary>
/// <remarks>
/// Telegram.Bot retries "429 Too Many Requests: retry after N" by itself when N ≤ RetryThreshold (60 s and 3 attempts
/// by default). That is safe — a 429 means nothing was sent — but it must not stack with the outbox's own retries:
/// <list type="bullet">
/// <item><see cref="Proactive"/> (reminders through the outbox): RetryThreshold 0. One attempt; the 429 and its
/// retry_after go back to the outbox as RetryLater, which reschedules without holding anything.</item>
/// <item><see cref="Interactive"/> (replies inside a turn): a reply has no outbox behind it, so losing it is worse than
/// waiting a little: the client may wait up to <see cref="TelegramOptions.ReplyRetryThreshold"/> (10 s) once.</item>
/// <item><see cref="Polling"/>: getUpdates, with a transport timeout longer than the long-poll timeout.</item>
/// </list>
/// With <see cref="TelegramSendGate"/> pacing every send a 429 should not happen at all; these rules decide what
/// happens when Telegram says otherwise.
/// </remarks>
internal sealed class TelegramClients
{
    public const string HttpClientName = "telegram";
    public const string PollingHttpClientName = "telegram-polling";

    public TelegramClients(IOptions<TelegramOptions> options, IHttpClientFactory http)
    {
        var o = options.Value;
        var token = o.Token ?? throw new InvalidOperationException("Telegram:Token is not set.");
        var baseUrl = o.ApiBaseUrl.TrimEnd('/');
        Interactive = new TelegramBotClient(
            new TelegramBotClientOptions(token, baseUrl) { RetryThreshold = (int)o.ReplyRetryThreshold.TotalSeconds, RetryCount = 2 },
            http.CreateClient(HttpClientName));
        Proactive = new TelegramBotClient(new TelegramBotClientOptions(token, baseUrl) { RetryThreshold = 0 }, http.CreateClient(HttpClientName));
        Polling = new TelegramBotClient(new TelegramBotClientOptions(token, baseUrl) { RetryThreshold = 0 }, http.CreateClient(PollingHttpClientName));
    }

    public ITelegramBotClient Interactive { get; }

    public ITelegramBotClient Proactive { get; }

    public ITelegramBotClient Polling { get; }
}

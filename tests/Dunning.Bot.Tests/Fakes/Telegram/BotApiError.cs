namespace Dunning.Bot.Tests.Fakes.Telegram;

/// <summary>An error answer of the Bot API: {"ok":false,"error_code":N,"description":"..."}.</summary>
internal sealed class BotApiError(int errorCode, string description, int? retryAfter = null) : Exception(description)
{
    public int ErrorCode { get; } = errorCode;

    public string Description { get; } = description;

    public int? RetryAfter { get; } = retryAfter;

    public static BotApiError BadRequest(string detail) => new(400, "Bad Request: " + detail);

    public static BotApiError Forbidden(string detail) => new(403, "Forbidden: " + detail);

    public static BotApiError TooManyRequests(int retryAfter) =>
        new(429, $"Too Many Requests: retry after {retryAfter}", retryAfter);
}

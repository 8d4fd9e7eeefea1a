namespace Dunning.Bot.Tests.Fakes.Telegram;

/// <summary>What an injected failure does to the call it hits.</summary>
public enum FakeFaultKind
{
    /// <summary>429 "Too Many Requests: retry after N" with parameters.retry_after = N. Nothing is sent.</summary>
    TooManyRequests,

    /// <summary>500 with a Bot API error body ("Internal Server Error"). Nothing is sent.</summary>
    InternalServerError,

    /// <summary>502 with an HTML body, as Telegram's front proxy answers when the backend is down. Nothing is sent.</summary>
    BadGateway,

    /// <summary>The request is never answered (until the client gives up or <see cref="FakeTelegramOptions.MaxHang"/>). Nothing is sent.</summary>
    Hang,

    /// <summary>The call IS carried out (message recorded), then the response never arrives — the ambiguous case.</summary>
    HangAfterProcessing,
}

/// <summary>A failure queued for the next matching call(s). Only calls of <c>Method</c> (case-insensitive)
/// consume it, any method when null; <c>RetryAfterSeconds</c> is the retry_after of <see cref="FakeFaultKind.TooManyRequests"/>.</summary>
public sealed record FakeFault(FakeFaultKind Kind, string? Method = null, int RetryAfterSeconds = 1);

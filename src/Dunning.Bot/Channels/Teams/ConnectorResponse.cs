namespace Dunning.Bot.Channels.Teams;

/// <summary>
/// The Bot Connector's answer to one request: the HTTP status (429 also when our own rate limiter said no), the
/// id it returned, its Retry-After, and a short detail for the log (never the token).
/// </summary>
public sealed record ConnectorResponse(int Status, string? Id = null, TimeSpan? RetryAfter = null, string? Detail = null, string? ServiceUrl = null)
{
    public bool IsSuccess => Status is >= 200 and < 300;
}

/// <summary>A reply in a turn failed at the Bot Connector (the turn's error handling takes over).</summary>
public sealed class BotConnectorException(ConnectorResponse response)
    : Exception($"The Bot Connector answered {response?.Status}: {response?.Detail}")
{
    public ConnectorResponse Response { get; } = response ?? throw new ArgumentNullException(nameof(response));
}

/// <summary>
/// An outbound call to a serviceUrl that never arrived in an authenticated activity was refused: the bot's
/// connector token goes only to the connector that spoke to it.
/// </summary>
public sealed class UntrustedServiceUrlException(string? serviceUrl)
    : Exception($"Refused to call the untrusted serviceUrl '{serviceUrl}'.")
{
    public string? ServiceUrl { get; } = serviceUrl;
}

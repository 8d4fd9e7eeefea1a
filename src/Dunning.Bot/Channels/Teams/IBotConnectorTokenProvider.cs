namespace Dunning.Bot.Channels.Teams;

/// <summary>Supplies the bearer token the bot presents to the Bot Connector (<c>{serviceUrl}/v3/…</c>).</summary>
public interface IBotConnectorTokenProvider
{
    /// <summary>
    /// A valid access token for the Bot Connector, served from a cache until shortly before it expires;
    /// null when authentication is off (no app id), in which case requests go out without Authorization.
    /// </summary>
    Task<string?> GetTokenAsync(CancellationToken cancellationToken);
}

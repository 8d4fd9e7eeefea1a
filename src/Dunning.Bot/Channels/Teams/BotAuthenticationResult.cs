using System.Security.Claims;

namespace Dunning.Bot.Channels.Teams;

/// <summary>
/// The outcome of authenticating an inbound Bot Framework request. On failure <see cref="StatusCode"/> is the
/// HTTP status to answer with (401, or 403 for a channel the signing key does not endorse) and nothing is processed.
/// </summary>
public sealed class BotAuthenticationResult
{
    private BotAuthenticationResult(bool succeeded, int statusCode, string? error, ClaimsIdentity? identity, bool isAnonymous)
    {
        Succeeded = succeeded;
        StatusCode = statusCode;
        Error = error;
        Identity = identity;
        IsAnonymous = isAnonymous;
    }

    public bool Succeeded { get; }

    /// <summary>200 on success, 401 or 403 otherwise.</summary>
    public int StatusCode { get; }

    /// <summary>Why authentication failed, for the log (never echo it to the caller in detail).</summary>
    public string? Error { get; }

    /// <summary>The validated token's claims; null when anonymous or failed.</summary>
    public ClaimsIdentity? Identity { get; }

    /// <summary>True when authentication is off (no app id configured) and the request was let through.</summary>
    public bool IsAnonymous { get; }

    public static BotAuthenticationResult Authenticated(ClaimsIdentity identity) =>
        new(true, 200, null, identity ?? throw new ArgumentNullException(nameof(identity)), false);

    public static BotAuthenticationResult Anonymous() => new(true, 200, null, null, true);

    public static BotAuthenticationResult Unauthorized(string error) => new(false, 401, error, null, false);

    public static BotAuthenticationResult Forbidden(string error) => new(false, 403, error, null, false);

    public override string ToString() => Succeeded ? (IsAnonymous ? "anonymous" : "authenticated") : $"{StatusCode}: {Error}";
}

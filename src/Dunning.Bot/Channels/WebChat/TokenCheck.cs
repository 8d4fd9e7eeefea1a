namespace Dunning.Bot.Channels.WebChat;

/// <summary>The outcome of a token check: the grant of a valid token, or why there is none.</summary>
public sealed record TokenCheck(DirectLineGrant? Grant, bool IsExpired)
{
    /// <summary>Forged, malformed, signed elsewhere, or not yet valid.</summary>
    public static readonly TokenCheck Invalid = new(null, false);

    /// <summary>Signed by this host, but its lifetime is over.</summary>
    public static readonly TokenCheck Expired = new(null, true);
}

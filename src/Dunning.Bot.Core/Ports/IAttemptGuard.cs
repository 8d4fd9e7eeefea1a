namespace Dunning.Bot.Core.Ports;

/// <summary>
/// Counts wrong secrets (access codes, link tokens, owner link codes, passwords) across conversations, channels and
/// sign-ins of this process, per client, per subject and globally, and answers with an exponential back-off. A new
/// conversation, tab or channel does not reset it. The host alerts the owner when wrong attempts spike.
/// </summary>
public interface IAttemptGuard
{
    /// <summary>
    /// Before a secret is checked: refused (with the time the back-off ends) when the client, the subject or everyone
    /// is in a back-off; a refused attempt counts towards the owner's alert.
    /// </summary>
    Task<AttemptVerdict> CheckAsync(AttemptKeys keys, CancellationToken cancellationToken);

    /// <summary>Counts a wrong secret; the verdict says how many attempts are left or until when none is checked.</summary>
    Task<AttemptVerdict> FailAsync(AttemptKeys keys, CancellationToken cancellationToken);

    /// <summary>A right secret: the client's and subject's failures in a row start again (their back-off level stays until forgotten).</summary>
    void Succeed(AttemptKeys keys);
}

/// <summary>
/// What an attempt is counted against: <paramref name="Kind"/> (what is guessed, with its free attempts and first
/// back-off), <paramref name="Client"/> (an address or a channel account) and optionally <paramref name="Subject"/>
/// (the code or user name tried).
/// </summary>
public sealed record AttemptKeys(AttemptKind Kind, string Client, string? Subject = null);

/// <summary>
/// A kind of secret: <paramref name="FreeAttempts"/> wrong ones in a row, then a back-off of <paramref name="FirstBackoff"/>
/// that doubles each time. <paramref name="ClientFreeAttempts"/> (default: the same) allows one client more, where
/// several people share an address (an office signing in to the console).
/// </summary>
public sealed record AttemptKind(string Name, int FreeAttempts, TimeSpan FirstBackoff, int? ClientFreeAttempts = null);

/// <summary>
/// The guard's answer: refused until <see cref="RefusedUntil"/> (in a back-off of length <see cref="Backoff"/>), or
/// allowed with <see cref="AttemptsLeft"/> before a back-off.
/// </summary>
public readonly record struct AttemptVerdict(DateTimeOffset? RefusedUntil, TimeSpan Backoff, int AttemptsLeft)
{
    public bool IsRefused => RefusedUntil is not null;
}

namespace Dunning.Bot.Hosting.Coordination;

/// <summary>
/// Paces sends so the far side never counts more than <see cref="SendLimit.Permits"/> within a
/// <see cref="SendLimit.Window"/>, whatever the network jitter: a send holds a permit from before its request until one
/// window after the answer, so any <c>Permits + 1</c> arrivals span more than a window. Callers wait their turn, or ask
/// without waiting. <see cref="LocalSendBudget"/> keeps the permits in the process (one host, LiteDB); with PostgreSQL a
/// budget is one for every host of the database (<see cref="CoordinationOptions.ShareSendLimits"/>).
/// </summary>
public interface ISendBudget
{
    /// <summary>
    /// Waits until one more send of <paramref name="limit"/>'s bucket may go. Dispose the permit when the far side
    /// answered (or the call failed): it returns one window later.
    /// </summary>
    ValueTask<IAsyncDisposable> EnterAsync(SendLimit limit, CancellationToken cancellationToken);

    /// <summary>
    /// Takes a permit of <paramref name="limit"/>'s bucket if one is free now, without waiting (a send that answers
    /// "retry after" instead of queueing). Dispose the permit as after <see cref="EnterAsync"/>.
    /// </summary>
    ValueTask<SendAttempt> TryEnterAsync(SendLimit limit, CancellationToken cancellationToken);
}

/// <summary>The answer of <see cref="ISendBudget.TryEnterAsync"/>: a permit, or none and when to ask again.</summary>
/// <param name="Permit">The permit taken; null when none was free.</param>
/// <param name="RetryAfter">Without a permit: about how long until one frees (positive); zero with a permit.</param>
public readonly record struct SendAttempt(IAsyncDisposable? Permit, TimeSpan RetryAfter)
{
    public static SendAttempt Taken(IAsyncDisposable permit) => new(permit, TimeSpan.Zero);

    public static SendAttempt Refused(TimeSpan retryAfter) =>
        new(null, retryAfter > TimeSpan.Zero ? retryAfter : TimeSpan.FromMilliseconds(1));
}

namespace Dunning.Bot.Hosting.Coordination;

/// <summary>
/// Paces sends so the far side never counts more than <see cref="SendLimit.Permits"/> within a
/// <see cref="SendLimit.Window"/>, whatever the network jitter: a send holds a permit from before its request until one
/// window after the answer, so any <c>Permits + 1</c> arrivals span more than a window. Callers wait their turn.
/// <see cref="LocalSendBudget"/> keeps the permits in the process (one host, LiteDB); with PostgreSQL a budget is one
/// for every host of the database (<see cref="CoordinationOptions.ShareSendLimits"/>).
/// </summary>
public interface ISendBudget
{
    /// <summary>
    /// Waits until one more send of <paramref name="limit"/>'s bucket may go. Dispose the permit when the far side
    /// answered (or the call failed): it returns one window later.
    /// </summary>
    ValueTask<IAsyncDisposable> EnterAsync(SendLimit limit, CancellationToken cancellationToken);
}

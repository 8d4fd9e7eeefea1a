namespace Dunning.Bot.Hosting.Coordination;

/// <summary>The leadership of one role, held until disposed or <see cref="Lost"/>.</summary>
/// <param name="role">The role led.</param>
/// <param name="lost">Cancelled when the leadership ended by itself; <see cref="CancellationToken.None"/> when it cannot.</param>
/// <param name="resign">Gives the leadership up; called once, by <see cref="DisposeAsync"/>.</param>
public sealed class LeadershipLease(string role, CancellationToken lost, Func<ValueTask> resign) : IAsyncDisposable
{
    private int _disposed;

    public string Role { get; } = role;

    /// <summary>Cancelled when the leadership ended without being given up: the job must stop at once.</summary>
    public CancellationToken Lost { get; } = lost;

    public ValueTask DisposeAsync() =>
        Interlocked.Exchange(ref _disposed, 1) == 0 ? resign() : ValueTask.CompletedTask;
}

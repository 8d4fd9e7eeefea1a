namespace Dunning.Bot.Core.Ports;

/// <summary>
/// The one read–modify–write loop of the stores: read the fresh document, apply the change, save with its version; on a
/// <see cref="ConcurrencyConflictException"/> (someone else wrote in between) start again from the fresh document, after
/// a short random pause that grows with each lost race so that writers of one hot document (a debtor in three chats
/// while the sweep runs) stop colliding. Bounded: after <see cref="Attempts"/> lost races the conflict propagates.
/// </summary>
public static class ConflictRetry
{
    /// <summary>How many times a change is tried before the conflict is given up on.</summary>
    public const int Attempts = 12;

    /// <summary>
    /// Applies <paramref name="change"/> to what <paramref name="read"/> returns and saves it; returns the saved document,
    /// or null when <paramref name="read"/> found none. The change must be safe to repeat on fresh data.
    /// </summary>
    public static async Task<T?> UpdateAsync<T>(Func<CancellationToken, Task<T?>> read, Func<T, CancellationToken, Task> save, Action<T> change,
        CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(save);
        ArgumentNullException.ThrowIfNull(change);
        for (var attempt = 1; ; attempt++)
        {
            var document = await read(cancellationToken).ConfigureAwait(false);
            if (document is null)
                return null;
            change(document);
            try
            {
                await save(document, cancellationToken).ConfigureAwait(false);
                return document;
            }
            catch (ConcurrencyConflictException) when (attempt < Attempts)
            {
                await PauseAsync(attempt, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// A random pause of up to 2^attempt milliseconds (at most 64): short enough for a chat turn, random so that two
    /// writers that collided do not collide again. Wall-clock on purpose: a test's fake clock must not stall it.
    /// </summary>
    private static Task PauseAsync(int attempt, CancellationToken cancellationToken) =>
        Task.Delay(Random.Shared.Next(0, 1 << Math.Min(attempt, 6)), cancellationToken);
}

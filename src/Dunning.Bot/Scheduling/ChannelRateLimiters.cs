using Dunning.Bot.Hosting.Coordination;
using Microsoft.Extensions.Options;

namespace Dunning.Bot.Scheduling;

/// <summary>
/// The outbox's pace per channel id, from <see cref="SchedulingOptions.RateLimits"/>: at most <c>Permits</c> proactive
/// sends on a channel in any <c>PerSeconds</c> seconds. Each channel is a bucket of the registered
/// <see cref="ISendBudget"/>: the process's own with LiteDB, one for all hosts with PostgreSQL, whichever host's
/// dispatch sends.
/// </summary>
public sealed class ChannelRateLimiters(ISendBudget budget, IOptions<SchedulingOptions> options)
{
    /// <summary>
    /// Waits for a permit to send on <paramref name="channel"/>; null when none came within <paramref name="patience"/>.
    /// Dispose the permit when the channel answered: it returns one window later.
    /// </summary>
    public async Task<IAsyncDisposable?> EnterAsync(string channel, TimeSpan patience, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(channel);
        var limit = options.Value.RateLimitFor(channel);
        var bucket = new SendLimit("outbox:" + channel.ToLowerInvariant(), limit.Permits, TimeSpan.FromSeconds(limit.PerSeconds));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(patience);
        try
        {
            return await budget.EnterAsync(bucket, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }
}

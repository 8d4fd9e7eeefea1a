using Dunning.Bot.Hosting.Coordination;
using Microsoft.Extensions.Options;

namespace Dunning.Bot.Channels.Teams;

/// <summary>
/// Teams' documented bot limits, kept on our side so the connector rarely answers 429: per bot and conversation a token
/// bucket (<see cref="TeamsOptions.ConversationBurst"/> at once, then one every
/// <see cref="TeamsOptions.ConversationReplenishmentPeriod"/>: 7 and 2 s keep within 8 per 2 s, 60 per 30 s and 1800 per
/// hour), and per tenant <see cref="TeamsOptions.TenantRequestsPerSecond"/> requests in any second.
/// </summary>
/// <remarks>
/// Both are buckets of the registered <see cref="ISendBudget"/>: the process's own with LiteDB, one for all hosts with
/// PostgreSQL (Teams counts per bot, not per host). A permit is held until the connector answered, then for the window.
/// </remarks>
public sealed class TeamsRateLimits(ISendBudget budget, IOptions<TeamsOptions> options)
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Takes a permit for one request to the conversation and one for its tenant. When <paramref name="mayWait"/> the call
    /// queues up to <see cref="TeamsOptions.RateLimitWait"/>; otherwise it answers at once. The answer holds the permit
    /// (dispose it when the connector answered) or, when refused, how long to wait before trying again.
    /// </summary>
    public async Task<SendAttempt> AcquireAsync(string serviceUrl, string conversationId, string? tenantId, bool mayWait, CancellationToken cancellationToken)
    {
        var o = options.Value;
        // Teams counts per bot (app id) and conversation or tenant.
        var bot = "teams:" + (string.IsNullOrWhiteSpace(o.AppId) ? "-" : o.AppId);
        var conversation = new SendLimit(string.Concat(bot, ":conversation:", serviceUrl, "|", conversationId),
            o.ConversationBurst, o.ConversationReplenishmentPeriod, spacing: o.ConversationReplenishmentPeriod);
        var tenant = new SendLimit(string.Concat(bot, ":tenant:", serviceUrl, "|", tenantId ?? "-"), o.TenantRequestsPerSecond, Second);
        var first = await TakeAsync(conversation, mayWait, cancellationToken).ConfigureAwait(false);
        if (first.Permit is not { } held)
            return first;
        SendAttempt second;
        try
        {
            second = await TakeAsync(tenant, mayWait, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await held.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        if (second.Permit is { } alsoHeld)
            return SendAttempt.Taken(new Both(held, alsoHeld));
        await held.DisposeAsync().ConfigureAwait(false);
        return second;
    }

    private async Task<SendAttempt> TakeAsync(SendLimit limit, bool mayWait, CancellationToken cancellationToken)
    {
        if (!mayWait)
            return await budget.TryEnterAsync(limit, cancellationToken).ConfigureAwait(false);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.RateLimitWait);
        try
        {
            return SendAttempt.Taken(await budget.EnterAsync(limit, timeout.Token).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return await budget.TryEnterAsync(limit, cancellationToken).ConfigureAwait(false);
        }
    }

    private sealed class Both(IAsyncDisposable conversation, IAsyncDisposable tenant) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await tenant.DisposeAsync().ConfigureAwait(false);
            await conversation.DisposeAsync().ConfigureAwait(false);
        }
    }
}

using Dunning.Bot.Core.Ports;
using Dunning.Bot.Core.Scheduling;
using Microsoft.Extensions.Options;

namespace Dunning.Bot.Scheduling;

/// <summary>
/// One sweep: every case whose <c>NextActionAt</c> has come (the store's indexed query, oldest first, page by page) goes
/// through the <see cref="ReminderPlanner"/> at the same instant. A case that fails is logged and left due, and the other
/// cases still run. After downtime the overdue cases are simply due: the planner defers what the contact rules do not
/// allow now, so the catch-up lands in the debtors' windows, one stage at a time. Agreement follow-ups whose message
/// landed with the page's commit are applied right after it (<see cref="PlanBuffer.AfterCommit"/>).
/// </summary>
public sealed class ScheduleSweep(ICaseStore cases, IOutbox outbox, ReminderPlanner planner, IOptions<SchedulingOptions> options, TimeProvider clock,
    ILogger<ScheduleSweep> logger)
{
    /// <summary>Plans every due case at the current instant; returns how many ended in each outcome.</summary>
    public Task<SweepReport> SweepAsync(CancellationToken cancellationToken) => SweepAsync(clock.GetUtcNow(), cancellationToken);

    /// <summary>Plans every case due at <paramref name="now"/> (the simulation passes its own clock's instant).</summary>
    public async Task<SweepReport> SweepAsync(DateTimeOffset now, CancellationToken cancellationToken, Action<PlanResult>? observe = null)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var counts = new Dictionary<PlanOutcome, int>();
        var failed = 0;
        while (true)
        {
            var page = await cases.ListDueAsync(now, options.Value.SweepPageSize, cancellationToken).ConfigureAwait(false);
            var fresh = page.Where(c => seen.Add(c.DebtorId)).ToList();
            if (fresh.Count == 0)
                break;
            // The page's reads are bulk-loaded up front, and its writes are committed together: a few queries and one
            // disk flush per page instead of several reads and a flush per case.
            var buffer = new PlanBuffer();
            await planner.PreloadAsync(fresh, buffer, cancellationToken).ConfigureAwait(false);
            var results = new List<PlanResult>(fresh.Count);
            foreach (var dueCase in fresh)
            {
                cancellationToken.ThrowIfCancellationRequested();
                try
                {
                    results.Add(await planner.PlanAsync(dueCase.DebtorId, now, buffer, cancellationToken).ConfigureAwait(false));
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    failed++;
                    logger.LogError(ex, "Planning the case of {Debtor} failed; it stays due", dueCase.DebtorId);
                }
            }
            var landed = await outbox.CommitAsync(buffer.Writes, cancellationToken).ConfigureAwait(false);
            await AfterCommitAsync(buffer, landed, cancellationToken).ConfigureAwait(false);
            var refused = buffer.Writes.Where((_, i) => !landed[i]).Select(w => w.Case.DebtorId).ToHashSet(StringComparer.Ordinal);
            foreach (var planned in results)
            {
                var result = refused.Contains(planned.DebtorId) ? new PlanResult(planned.DebtorId, PlanOutcome.Conflict, "conflict") : planned;
                counts[result.Outcome] = counts.GetValueOrDefault(result.Outcome) + 1;
                observe?.Invoke(result);
            }
            if (page.Count < options.Value.SweepPageSize)
                break;
        }
        var report = new SweepReport(counts, failed);
        if (report.Total > 0)
            logger.LogInformation("Sweep at {Now:O}: {Report}", now, report);
        return report;
    }

    /// <summary>
    /// Applies agreement follow-ups whose message landed with the page. One that fails is left for the next planning of
    /// its debtor, which finds the message's key taken and applies it again (applying is idempotent).
    /// </summary>
    private async Task AfterCommitAsync(PlanBuffer buffer, IReadOnlyList<bool> landed, CancellationToken cancellationToken)
    {
        foreach (var action in buffer.AfterCommit(landed))
        {
            try
            {
                await action(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Applying an agreement follow-up after its message was committed failed; the next sweep applies it");
            }
        }
    }
}

/// <summary>How many due cases ended in each outcome, and how many failed.</summary>
public sealed record SweepReport(IReadOnlyDictionary<PlanOutcome, int> Outcomes, int Failed)
{
    public int Total => Outcomes.Values.Sum() + Failed;

    public int Of(PlanOutcome outcome) => Outcomes.GetValueOrDefault(outcome);

    public override string ToString() =>
        string.Join(", ", Outcomes.OrderBy(o => o.Key).Select(o => $"{o.Key.ToString().ToLowerInvariant()} {o.Value}")) + (Failed > 0 ? $", failed {Failed}" : "");
}

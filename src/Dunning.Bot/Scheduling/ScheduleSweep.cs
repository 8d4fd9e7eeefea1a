using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Core.Reminders;
using Dunning.Bot.Storage;
using Microsoft.Extensions.Options;

namespace Dunning.Bot.Scheduling;

/// <summary>
/// One sweep: every case whose <c>NextActionAt</c> has come (the store's indexed query, oldest first, page by page) goes
/// through the <see cref="ReminderPlanner"/> at the same instant. A case that fails is logged and left due, and the other
/// cases still run. After downtime the overdue cases are simply due: the planner defers what the contact rules do not
/// allow now, so the catch-up lands in the debtors' windows, one stage at a time. Agreement follow-ups whose message
/// landed with the page's commit are applied right after it (<see cref="PlanBuffer.AfterCommit"/>).
/// </summary>
public sealed class ScheduleSweep(ICaseStore cases, IOutbox outbox, ReminderPlanner planner, IOptions<SchedulingOptions> options,
    IStorageCapabilities storage, TimeProvider clock, ILogger<ScheduleSweep> logger)
{
    /// <summary>Plans every due case at the current instant; returns how many ended in each outcome.</summary>
    public Task<SweepReport> SweepAsync(CancellationToken cancellationToken) => SweepAsync(clock.GetUtcNow(), cancellationToken);

    /// <summary>Plans every case due at <paramref name="now"/> (the simulation passes its own clock's instant).</summary>
    public async Task<SweepReport> SweepAsync(DateTimeOffset now, CancellationToken cancellationToken, Action<PlanResult>? observe = null)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var tally = new Tally(observe);
        var size = options.Value.SweepPageSize;
        var byDebtor = await MostAreDueAsync(now, cancellationToken).ConfigureAwait(false);
        string? after = null;
        // Walking by debtor, the next page does not depend on this page's writes: its reading and planning run while
        // this page commits on another thread. Oldest first, the next page is asked for only after the commit. A storage
        // whose lock belongs to the thread that took it (LiteDB's shared connection) says so: there, one thread does all.
        var overlap = byDebtor && storage.CommitsOverlapReads;
        Commit? committing = null;
        try
        {
            while (true)
            {
                var page = byDebtor
                    ? await cases.ListDueByDebtorAsync(now, after, size, cancellationToken).ConfigureAwait(false)
                    : await cases.ListDueAsync(now, size, cancellationToken).ConfigureAwait(false);
                after = page.Count > 0 ? page[^1].DebtorId : after;
                var fresh = page.Where(c => seen.Add(c.DebtorId)).ToList();
                if (fresh.Count == 0)
                    break;
                var (buffer, results) = await PlanPageAsync(fresh, now, tally, cancellationToken).ConfigureAwait(false);
                if (committing is not null)
                    await SettleAsync(committing, tally, cancellationToken).ConfigureAwait(false);
                // A transaction may belong to a thread (LiteDB's do): an overlapping commit runs on one of its own.
                committing = new Commit(buffer, results, overlap
                    ? Task.Run(() => outbox.CommitAsync(buffer.Writes, cancellationToken), cancellationToken)
                    : outbox.CommitAsync(buffer.Writes, cancellationToken));
                if (!overlap)
                {
                    await SettleAsync(committing, tally, cancellationToken).ConfigureAwait(false);
                    committing = null;
                }
                if (page.Count < size)
                    break;
            }
            if (committing is not null)
                await SettleAsync(committing, tally, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            // Leaving early (cancelled, failed): no page write may still be running when the sweep returns.
            if (committing is { Landed.IsCompleted: false })
                await ((Task)committing.Landed).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
        var report = new SweepReport(tally.Counts, tally.Failed);
        if (report.Total > 0)
            logger.LogInformation("Sweep at {Now:O}: {Report}", now, report);
        return report;
    }

    /// <summary>
    /// Plans one page: its reads are bulk-loaded up front and its writes collected for one commit — a few queries and
    /// one disk flush per page instead of several reads and a flush per case. A case that fails is counted and skipped.
    /// </summary>
    private async Task<(PlanBuffer Buffer, List<PlanResult> Results)> PlanPageAsync(List<DunningCase> page, DateTimeOffset now, Tally tally,
        CancellationToken cancellationToken)
    {
        var buffer = new PlanBuffer();
        await planner.PreloadAsync(page, buffer, cancellationToken).ConfigureAwait(false);
        var results = new List<PlanResult>(page.Count);
        foreach (var dueCase in page)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                results.Add(await planner.PlanAsync(dueCase.DebtorId, now, buffer, cancellationToken).ConfigureAwait(false));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                tally.Failed++;
                logger.LogError(ex, "Planning the case of {Debtor} failed; it stays due", dueCase.DebtorId);
            }
        }
        return (buffer, results);
    }

    /// <summary>
    /// Waits for a page's commit, applies the agreement follow-ups whose message landed with it, and counts the page. A
    /// follow-up that fails to apply is left for the next planning of its debtor, which finds the message's key taken
    /// and applies it again (applying is idempotent).
    /// </summary>
    private async Task SettleAsync(Commit commit, Tally tally, CancellationToken cancellationToken)
    {
        var landed = await commit.Landed.ConfigureAwait(false);
        foreach (var action in commit.Buffer.AfterCommit(landed))
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
        tally.Add(commit, landed);
    }

    /// <summary>How many cases ended in each outcome so far: a planned write the store refused counts as a conflict.</summary>
    private sealed class Tally(Action<PlanResult>? observe)
    {
        public Dictionary<PlanOutcome, int> Counts { get; } = [];

        public int Failed { get; set; }

        public void Add(Commit commit, IReadOnlyList<bool> landed)
        {
            var refused = commit.Buffer.Writes.Where((_, i) => !landed[i]).Select(w => w.Case.DebtorId).ToHashSet(StringComparer.Ordinal);
            foreach (var planned in commit.Results)
            {
                var result = refused.Contains(planned.DebtorId) ? new PlanResult(planned.DebtorId, PlanOutcome.Conflict, "conflict") : planned;
                Counts[result.Outcome] = Counts.GetValueOrDefault(result.Outcome) + 1;
                observe?.Invoke(result);
            }
        }
    }

    /// <summary>A page's writes on their way to the store, with what planning them said.</summary>
    private sealed record Commit(PlanBuffer Buffer, IReadOnlyList<PlanResult> Results, Task<IReadOnlyList<bool>> Landed);

    /// <summary>
    /// Whether this is a big sweep (several pages) in which at least half of all cases are due — the first sweep after
    /// an import, or a catch-up after downtime. Such a sweep walks the due cases in debtor order instead of oldest
    /// first: every case due now is planned in this run either way, and neighbouring debtors read as a few ranges.
    /// </summary>
    private async Task<bool> MostAreDueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var pages = 4 * options.Value.SweepPageSize;
        var due = await cases.CountAsync(now, int.MaxValue, cancellationToken).ConfigureAwait(false);
        return due >= pages && await cases.CountAsync(null, 2 * due + 1, cancellationToken).ConfigureAwait(false) <= 2 * due;
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

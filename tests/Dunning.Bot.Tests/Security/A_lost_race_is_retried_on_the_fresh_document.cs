using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Storage;
using Dunning.Bot.Storage.LiteDb;
using Dunning.Bot.Tests.Storage;

namespace Dunning.Bot.Tests.Security;

/// <summary>
/// Read–modify–write of a case and an invoice on a real LiteDB file, where other writers win the race again and again
/// (a debtor in several chats, the sweep, the owner's API): the change is re-applied to the fresh document until it
/// lands, nothing the others wrote is lost, and only an endless storm gives up.
/// </summary>
public sealed class A_lost_race_is_retried_on_the_fresh_document : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 16, 9, 30, 0, TimeSpan.Zero);
    private readonly TempDatabase database = new();
    private readonly LiteDbContext context;

    public A_lost_race_is_retried_on_the_fresh_document() => context = database.Open();

    [Fact]
    public async Task A_case_change_survives_eight_lost_races_and_keeps_every_other_writers_change()
    {
        var store = new RacingCaseStore(new LiteCaseStore(context), losses: 8);

        await store.UpdateAsync("D-1", c => c.Record(new CaseAction(Now, CaseActionKinds.ClaimedPaid, "mine")), CancellationToken.None);

        var saved = await store.FindAsync("D-1", CancellationToken.None);
        Assert.Equal(["theirs 1", "theirs 2", "theirs 3", "theirs 4", "theirs 5", "theirs 6", "theirs 7", "theirs 8", "mine"],
            saved!.History.Select(a => a.Summary));
    }

    [Fact]
    public async Task An_endless_storm_gives_up_with_the_conflict_and_writes_nothing_of_its_own()
    {
        var store = new RacingCaseStore(new LiteCaseStore(context), losses: int.MaxValue);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            store.UpdateAsync("D-1", c => c.Record(new CaseAction(Now, CaseActionKinds.ClaimedPaid, "mine")), CancellationToken.None));

        var saved = await store.FindAsync("D-1", CancellationToken.None);
        Assert.DoesNotContain(saved!.History, a => a.Summary == "mine");
        Assert.Equal(ConflictRetry.Attempts, saved.History.Count);
    }

    public void Dispose()
    {
        context.Dispose();
        database.Dispose();
    }

    /// <summary>A case store where, before each of the first <paramref name="losses"/> saves, another writer saves first.</summary>
    private sealed class RacingCaseStore(LiteCaseStore inner, int losses) : ICaseStore
    {
        private int others;

        public Task<DunningCase?> FindAsync(string debtorId, CancellationToken cancellationToken) => inner.FindAsync(debtorId, cancellationToken);

        public Task<IReadOnlyList<DunningCase>> FindManyAsync(IReadOnlyCollection<string> debtorIds, CancellationToken cancellationToken) =>
            inner.FindManyAsync(debtorIds, cancellationToken);

        public Task<IReadOnlyList<DunningCase>> ListDueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken) =>
            inner.ListDueAsync(now, limit, cancellationToken);

        public Task<IReadOnlyList<DunningCase>> ListDueByDebtorAsync(DateTimeOffset now, string? afterDebtorId, int limit, CancellationToken cancellationToken) =>
            inner.ListDueByDebtorAsync(now, afterDebtorId, limit, cancellationToken);

        public Task<int> CountAsync(DateTimeOffset? dueAt, int cap, CancellationToken cancellationToken) => inner.CountAsync(dueAt, cap, cancellationToken);

        public Task<IReadOnlyList<DunningCase>> ListAsync(CancellationToken cancellationToken) => inner.ListAsync(cancellationToken);

        public async Task SaveAsync(DunningCase dunningCase, CancellationToken cancellationToken)
        {
            if (others < losses)
            {
                var theirs = await inner.FindAsync(dunningCase.DebtorId, cancellationToken) ?? new DunningCase { DebtorId = dunningCase.DebtorId };
                theirs.Record(new CaseAction(Now, CaseActionKinds.Escalation, $"theirs {++others}"));
                await inner.SaveAsync(theirs, cancellationToken);
            }
            await inner.SaveAsync(dunningCase, cancellationToken);
        }
    }
}

using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Core.Reminders;
using Dunning.Bot.Storage;
using Dunning.Bot.Storage.LiteDb;

namespace Dunning.Bot.Tests.Storage;

/// <summary>
/// <see cref="LiteOutbox.CommitAsync"/> writes a sweep's page in one transaction, but each write keeps its own
/// all-or-nothing meaning: a stale case, a key already stored or taken earlier in the page, or a second write for the
/// same case refuses that write only, and nothing of it lands.
/// </summary>
public sealed class A_page_of_outbox_writes_lands_write_by_write : IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly LiteDbContext context = new(new MemoryStream());
    private readonly LiteCaseStore cases;
    private readonly LiteOutbox outbox;

    public A_page_of_outbox_writes_lands_write_by_write()
    {
        cases = new LiteCaseStore(context);
        outbox = new LiteOutbox(context);
    }

    [Fact]
    public async Task Every_valid_write_lands_with_its_entry_and_the_case_moves_on_one_version()
    {
        var stored = await StoredCasesAsync("D-1", "D-2");
        var fresh = new DunningCase { DebtorId = "D-3" };
        PendingWrite[] writes = [Write(stored[0], "k-1"), Write(stored[1], null), Write(fresh, "k-3")];

        var landed = await outbox.CommitAsync(writes, None);

        Assert.Equal([true, true, true], landed);
        Assert.Equal(["k-1", "k-3"], await KeysAsync("D-1", "D-2", "D-3"));
        Assert.Equal([2, 2, 1], writes.Select(w => w.Case.Version));
        foreach (var write in writes)
        {
            var reread = await cases.FindAsync(write.Case.DebtorId, None);
            Assert.Equal(write.Case.Version, reread!.Version);
            Assert.Equal(write.Case.NextActionAt, reread.NextActionAt);
        }
        Assert.All(await outbox.ListByDebtorsAsync(["D-1", "D-3"], None), e => Assert.Equal(1, e.Version));
    }

    [Fact]
    public async Task A_stale_case_refuses_its_write_only()
    {
        var stored = await StoredCasesAsync("D-1", "D-2");
        await cases.TouchAsync("D-1", Samples.Moment, None);   // someone else moved D-1 on meanwhile

        var landed = await outbox.CommitAsync([Write(stored[0], "k-1"), Write(stored[1], "k-2")], None);

        Assert.Equal([false, true], landed);
        Assert.Equal(["k-2"], await KeysAsync("D-1", "D-2"));
        Assert.Equal(Samples.Moment, (await cases.FindAsync("D-1", None))!.NextActionAt);   // the other writer's, not the page's
        Assert.Equal(1, stored[0].Version);
    }

    [Fact]
    public async Task A_key_already_stored_refuses_the_write_and_leaves_the_case()
    {
        var stored = await StoredCasesAsync("D-1", "D-2");
        Assert.Equal([true], await outbox.CommitAsync([Write(stored[0], "k-1")], None));

        var landed = await outbox.CommitAsync([Write(stored[1], "k-1")], None);

        Assert.Equal([false], landed);
        Assert.Equal(["k-1"], await KeysAsync("D-1", "D-2"));
        Assert.Null((await cases.FindAsync("D-2", None))!.NextActionAt);
    }

    [Fact]
    public async Task The_same_key_twice_in_one_page_lands_once()
    {
        var stored = await StoredCasesAsync("D-1", "D-2");

        var landed = await outbox.CommitAsync([Write(stored[0], "k-same"), Write(stored[1], "k-same")], None);

        Assert.Equal([true, false], landed);
        Assert.Equal(["k-same"], await KeysAsync("D-1", "D-2"));
        Assert.Equal("D-1", Assert.Single(await outbox.ListByDebtorsAsync(["D-1", "D-2"], None)).DebtorId);
    }

    [Fact]
    public async Task A_second_write_for_the_same_case_in_one_page_is_refused()
    {
        var stored = await StoredCasesAsync("D-1");
        var twin = new DunningCase { DebtorId = "D-1", Version = stored[0].Version, NextActionAt = Samples.Moment.AddDays(9) };

        var landed = await outbox.CommitAsync([Write(stored[0], "k-1"), Write(twin, "k-2")], None);

        Assert.Equal([true, false], landed);
        Assert.Equal(["k-1"], await KeysAsync("D-1"));
        Assert.Equal(stored[0].NextActionAt, (await cases.FindAsync("D-1", None))!.NextActionAt);
    }

    [Fact]
    public async Task A_case_created_meanwhile_refuses_the_write_that_thought_it_new()
    {
        await StoredCasesAsync("D-1");

        var landed = await outbox.CommitAsync([Write(new DunningCase { DebtorId = "D-1" }, "k-1")], None);

        Assert.Equal([false], landed);
        Assert.Empty(await KeysAsync("D-1"));
    }

    private async Task<List<DunningCase>> StoredCasesAsync(params string[] ids)
    {
        var stored = new List<DunningCase>();
        foreach (var id in ids)
        {
            var dunningCase = new DunningCase { DebtorId = id };
            await cases.SaveAsync(dunningCase, None);
            stored.Add(dunningCase);
        }
        return stored;
    }

    private static PendingWrite Write(DunningCase dunningCase, string? key)
    {
        dunningCase.NextActionAt = Samples.Moment.AddDays(1);
        return new PendingWrite(dunningCase, key is null ? null : new OutboxEntry
        {
            Key = key, DebtorId = dunningCase.DebtorId, Kind = OutboxKinds.Reminder, Channel = ChannelKind.WebChat,
            ConversationKey = $"webchat/{dunningCase.DebtorId}", Language = "de", MessageKey = "reminder_friendly", CreatedAt = Samples.Moment,
            NextAttemptAt = Samples.Moment, Text = "",
        });
    }

    private async Task<List<string>> KeysAsync(params string[] debtorIds) =>
        [.. (await outbox.ListByDebtorsAsync(debtorIds, None)).Select(e => e.Key).Order(StringComparer.Ordinal)];

    public void Dispose() => context.Dispose();
}

using Dunning.Bot.Core.Domain;
using Dunning.Bot.Storage;
using Dunning.Bot.Storage.LiteDb;

namespace Dunning.Bot.Tests.Storage;

/// <summary>
/// <see cref="VersionedWrites.Lock"/> takes a collection's write lock for the rest of the transaction, so what a page
/// commit checks cannot be changed by another writer before the page's writes land.
/// </summary>
public sealed class A_locked_collection_waits_for_the_transaction : IDisposable
{
    private readonly LiteDbContext context = new(new MemoryStream());

    [Fact]
    public async Task Another_writer_waits_until_the_lock_holder_commits()
    {
        var cases = new LiteCaseStore(context);
        var dunningCase = new DunningCase { DebtorId = "D-1" };
        await cases.SaveAsync(dunningCase, CancellationToken.None);
        using var locked = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        // LiteDB transactions belong to a thread: the lock holder gets one of its own.
        var holder = new Thread(() =>
        {
            context.Database.BeginTrans();
            VersionedWrites.Lock(context.Collection(LiteDbContext.Cases));
            locked.Set();
            release.Wait();
            context.Database.Rollback();
        });
        holder.Start();
        locked.Wait();

        dunningCase.NextActionAt = Samples.Moment;
        var write = Task.Run(() => cases.SaveAsync(dunningCase, CancellationToken.None));
        var finishedWhileLocked = await Task.WhenAny(write, Task.Delay(500)) == write;
        release.Set();
        await write;
        holder.Join();

        Assert.False(finishedWhileLocked);
        Assert.Equal(Samples.Moment, (await cases.FindAsync("D-1", CancellationToken.None))!.NextActionAt);
    }

    public void Dispose() => context.Dispose();
}

using LiteDB;

namespace Dunning.Bot.Storage.LiteDb;

/// <summary>
/// One turn's writes, committed together in ONE LiteDB transaction by <see cref="Commit"/> — all or nothing.
/// Started by <see cref="LiteDbContext.BeginUnitOfWork"/> for the current async flow; the stores that take part
/// (web chat activity log, transcripts, bot state, conversation links) check what they can at once (eTags and
/// versions, so a conflict surfaces where it did before) and defer the write; the deferred write repeats the check
/// inside the transaction. Reads by id of those stores see the deferred writes. Nothing is written behind:
/// <see cref="Commit"/> returns after LiteDB committed, and a unit disposed without commit writes nothing.
/// Not thread-safe: one turn at a time uses it.
/// </summary>
public sealed class LiteUnitOfWork : IUnitOfWork
{
    private readonly LiteDbContext context;
    private readonly List<Pending> writes = [];
    private readonly List<Action> undo = [];
    private readonly List<Action> committed = [];
    private Dictionary<object, object>? batches;
    private bool done;

    internal LiteUnitOfWork(LiteDbContext context) => this.context = context;

    /// <summary>Neither committed nor disposed yet.</summary>
    public bool IsOpen => !done;

    /// <summary>How many writes wait for <see cref="Commit"/>.</summary>
    public int PendingCount => writes.Count;

    /// <summary>Writes everything in one transaction; on failure nothing is written and the exception propagates.</summary>
    public void Commit()
    {
        ObjectDisposedException.ThrowIf(done, this);
        done = true;
        context.EndUnitOfWork(this);
        if (writes.Count == 0)
            return;
        var gates = writes.Select(w => w.Gate).OfType<Lock>().Distinct().ToList();
        foreach (var gate in gates)
            gate.Enter();
        try
        {
            VersionedWrites.InTransaction(context.Database, () =>
            {
                foreach (var write in writes)
                    write.Apply();
            });
        }
        catch
        {
            RunUndo();
            throw;
        }
        finally
        {
            foreach (var gate in gates)
                gate.Exit();
        }
        foreach (var action in committed)
            action();
    }

    /// <summary>
    /// <see cref="Commit"/>, after waiting asynchronously for the other units of this database to finish theirs. Every
    /// turn writes the same collections (transcripts, bot state), which LiteDB lets one transaction write at a time: a
    /// turn that waited inside LiteDB would block (and spin) a thread-pool thread; here it waits as a queued task.
    /// </summary>
    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(done, this);
        if (writes.Count == 0)
        {
            Commit();
            return;
        }
        await context.CommitGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            Commit();
        }
        finally
        {
            context.CommitGate.Release();
        }
    }

    /// <summary>Without <see cref="Commit"/>: discards every deferred write.</summary>
    public void Dispose()
    {
        if (done)
            return;
        done = true;
        context.EndUnitOfWork(this);
        RunUndo();
    }

    /// <summary>
    /// Defers <paramref name="apply"/> (run inside the transaction, in order). <paramref name="key"/> and
    /// <paramref name="document"/> (null: deleted) make the write visible to <see cref="TryFind"/>; <paramref name="gate"/>
    /// is held around the whole transaction; <paramref name="rolledBack"/> runs when the write is discarded.
    /// </summary>
    internal void Defer(Action apply, (string Collection, BsonValue Id)? key = null, BsonDocument? document = null, Lock? gate = null, Action? rolledBack = null)
    {
        ObjectDisposedException.ThrowIf(done, this);
        writes.Add(new Pending(apply, key, document, gate));
        if (rolledBack is not null)
            undo.Add(rolledBack);
    }

    /// <summary>Runs <paramref name="rolledBack"/> when this unit's writes are discarded (a write joined to a batch has no deferral of its own).</summary>
    internal void OnRolledBack(Action rolledBack)
    {
        ObjectDisposedException.ThrowIf(done, this);
        undo.Add(rolledBack);
    }

    /// <summary>Runs <paramref name="action"/> after LiteDB committed this unit's writes (never when they are discarded); it must not throw.</summary>
    internal void OnCommitted(Action action)
    {
        ObjectDisposedException.ThrowIf(done, this);
        committed.Add(action);
    }

    /// <summary>
    /// What <paramref name="owner"/> last deferred into this unit as a batch (<see cref="SetBatch"/>); until the commit
    /// the owner may add to it (a turn's transcript entries become one document, its web chat activities one insert).
    /// </summary>
    internal T? Batch<T>(object owner) where T : class => batches?.GetValueOrDefault(owner) as T;

    /// <summary>Makes <paramref name="batch"/> (whose write <paramref name="owner"/> deferred) the owner's open batch.</summary>
    internal void SetBatch(object owner, object batch) => (batches ??= [])[owner] = batch;

    /// <summary>True when this unit wrote <paramref name="id"/> of <paramref name="collection"/>; document null when it deleted it.</summary>
    internal bool TryFind(string collection, BsonValue id, out BsonDocument? document)
    {
        for (var i = writes.Count - 1; i >= 0; i--)
        {
            if (writes[i].Key is { } key && key.Collection == collection && key.Id == id)
            {
                document = writes[i].Document;
                return true;
            }
        }
        document = null;
        return false;
    }

    private void RunUndo()
    {
        foreach (var action in undo)
            action();
        writes.Clear();
        undo.Clear();
        committed.Clear();
        batches = null;
    }

    private sealed record Pending(Action Apply, (string Collection, BsonValue Id)? Key, BsonDocument? Document, Lock? Gate);
}

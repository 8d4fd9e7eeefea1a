namespace Dunning.Bot.Storage.Migration;

/// <summary>
/// Copies every kind of stored thing from one storage to another and proves it. Three passes: <see cref="CompareAsync"/>
/// reads the source in batches, counts and checksums it, and looks each batch up in the target (missing, same or
/// different); <see cref="CopyAsync"/> writes, batch by batch in one transaction each, what is missing — and, asked to
/// overwrite, what differs; <see cref="VerifyAsync"/> reads the target whole and compares count and checksum per kind.
/// Writing keeps ids, versions and eTags and never writes a record the target holds equal, so a second run copies
/// nothing and a run cut short (a batch is all or nothing) is completed by the next one.
/// </summary>
internal sealed class StorageMigration(IStorageSource source, IStorageTarget target, int batchSize)
{
    /// <summary>The source's records per kind compared with the target's; nothing is written.</summary>
    public async Task<IReadOnlyList<KindReport>> CompareAsync(CancellationToken cancellationToken)
    {
        var reports = new List<KindReport>();
        foreach (var kind in StoredKinds.All)
        {
            var report = new KindReport(kind);
            await foreach (var batch in source.ReadAsync(kind, batchSize, cancellationToken).ConfigureAwait(false))
            {
                var held = await target.FindAsync(kind, Ids(batch), cancellationToken).ConfigureAwait(false);
                foreach (var record in batch)
                {
                    report.Source.Add(record);
                    if (!held.TryGetValue(record.Id, out var existing))
                        report.Missing++;
                    else if (existing.SameAs(record))
                        report.Same++;
                    else if (++report.Different <= KindReport.ListedDifferences)
                        report.DifferentIds.Add(record.Id);
                }
            }
            reports.Add(report);
        }
        return reports;
    }

    /// <summary>
    /// Writes what <paramref name="reports"/> (from <see cref="CompareAsync"/>) found missing, and the different records
    /// when <paramref name="overwrite"/>; each batch is looked up again right before its write, so records a concurrent
    /// or earlier run wrote are not written twice.
    /// </summary>
    public async Task CopyAsync(IReadOnlyList<KindReport> reports, bool overwrite, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reports);
        foreach (var report in reports.Where(r => r.Missing > 0 || (overwrite && r.Different > 0)))
        {
            await foreach (var batch in source.ReadAsync(report.Kind, batchSize, cancellationToken).ConfigureAwait(false))
            {
                var held = await target.FindAsync(report.Kind, Ids(batch), cancellationToken).ConfigureAwait(false);
                var writes = batch.Where(r => !held.TryGetValue(r.Id, out var existing) || (overwrite && !existing.SameAs(r))).ToList();
                if (writes.Count == 0)
                    continue;
                await target.WriteAsync(report.Kind, writes, cancellationToken).ConfigureAwait(false);
                report.Copied += writes.Count;
            }
        }
    }

    /// <summary>
    /// Copies <paramref name="kinds"/> into a target that holds none of them yet (a fresh file): each batch is read once,
    /// counted and checksummed as <see cref="CompareAsync"/> does, and written in one transaction (prove the copy with
    /// <see cref="VerifyAsync"/>). The source is read once, in batches, so memory stays bounded.
    /// </summary>
    public async Task<IReadOnlyList<KindReport>> CopyIntoEmptyAsync(IReadOnlyList<string> kinds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(kinds);
        var reports = new List<KindReport>();
        foreach (var kind in kinds)
        {
            var report = new KindReport(kind);
            await foreach (var batch in source.ReadAsync(kind, batchSize, cancellationToken).ConfigureAwait(false))
            {
                foreach (var record in batch)
                    report.Source.Add(record);
                await target.WriteAsync(kind, batch, cancellationToken).ConfigureAwait(false);
                report.Missing += batch.Count;
                report.Copied += batch.Count;
            }
            reports.Add(report);
        }
        return reports;
    }

    /// <summary>Reads every kind of the target whole and records its count and checksum in the reports.</summary>
    public async Task VerifyAsync(IReadOnlyList<KindReport> reports, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reports);
        foreach (var report in reports)
        {
            var checksum = new Checksum();
            await foreach (var record in target.ReadAllAsync(report.Kind, cancellationToken).ConfigureAwait(false))
                checksum.Add(record);
            report.Target = checksum;
        }
    }

    private static string[] Ids(IReadOnlyList<StoredRecord> batch) => [.. batch.Select(r => r.Id)];
}

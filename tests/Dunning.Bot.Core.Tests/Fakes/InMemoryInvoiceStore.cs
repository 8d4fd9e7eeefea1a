using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;

namespace Dunning.Bot.Core.Tests.Fakes;

/// <summary>
/// Invoices in memory (<see cref="VersionedMemoryStore{T}"/>), keyed by number. A batch writes its debtors and cases into
/// the stores given here (private ones when none are given), all or nothing, each document with its version check, as
/// LiteDB's one transaction does.
/// </summary>
public sealed class InMemoryInvoiceStore(InMemoryDebtorStore? debtorStore = null, InMemoryCaseStore? caseStore = null)
    : VersionedMemoryStore<Invoice>, IInvoiceStore
{
    private readonly InMemoryDebtorStore debtorStore = debtorStore ?? new();
    private readonly InMemoryCaseStore caseStore = caseStore ?? new();

    public Task<Invoice?> FindAsync(string number, CancellationToken cancellationToken) => FindByIdAsync(number, cancellationToken);

    public Task<IReadOnlyList<Invoice>> ListByDebtorAsync(string debtorId, CancellationToken cancellationToken) =>
        WhereAsync(i => string.Equals(i.DebtorId, debtorId, StringComparison.Ordinal), cancellationToken);

    public Task SaveBatchAsync(IReadOnlyList<Debtor> debtors, IReadOnlyList<Invoice> invoices, IReadOnlyList<DunningCase> cases, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(debtors);
        ArgumentNullException.ThrowIfNull(invoices);
        ArgumentNullException.ThrowIfNull(cases);
        cancellationToken.ThrowIfCancellationRequested();
        lock (debtorStore.Gate)
        lock (Gate)
        lock (caseStore.Gate)
        {
            // Every check before any write, so that a conflict writes nothing.
            foreach (var debtor in debtors)
                debtorStore.EnsureWritable(debtor);
            foreach (var invoice in invoices)
                EnsureWritable(invoice);
            foreach (var dunningCase in cases)
                caseStore.EnsureWritable(dunningCase);
            foreach (var debtor in debtors)
                debtorStore.Write(debtor);
            foreach (var invoice in invoices)
                Write(invoice);
            foreach (var dunningCase in cases)
                caseStore.Write(dunningCase);
        }
        return Task.CompletedTask;
    }

    protected override string IdOf(Invoice entity) => entity.Number;

    protected override int VersionOf(Invoice entity) => entity.Version;

    protected override void SetVersion(Invoice entity, int version) => entity.Version = version;

    protected override Invoice Copy(Invoice entity)
    {
        var copy = new Invoice
        {
            Number = entity.Number,
            DebtorId = entity.DebtorId,
            IssueDate = entity.IssueDate,
            DueDate = entity.DueDate,
            Currency = entity.Currency,
            Lines = [.. entity.Lines],
            Total = entity.Total,
            Payments = [.. entity.Payments],
            Dispute = entity.Dispute,
            Pause = entity.Pause,
            WrittenOffAt = entity.WrittenOffAt,
            WriteOffs = [.. entity.WriteOffs],
            CreditNotes = [.. entity.CreditNotes],
            DueDateAgreed = entity.DueDateAgreed,
            DefaultNotice = entity.DefaultNotice,
            DocumentLink = entity.DocumentLink,
            Version = entity.Version,
        };
        copy.RestoreSettlement(entity.SettledOn);
        return copy;
    }
}

using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;

namespace Dunning.Bot.Core.Claims;

/// <summary>
/// Invoices with their debtors and cases as read for many bookings (see <see cref="ClaimBook.PayManyAsync(ClaimSet, IReadOnlyList{PaymentOrder}, string, CancellationToken)"/>):
/// a caller that has read them already (the bank import reads every open claim to match) hands them over instead of
/// having them read again. Every save still checks versions, so a stale document is re-read, never overwritten; what a
/// booking saves moves on with its new version. Not thread-safe.
/// </summary>
public sealed class ClaimSet
{
    private readonly Dictionary<string, Invoice> invoices = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Debtor> debtors = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DunningCase> cases = new(StringComparer.Ordinal);

    public ClaimSet()
    {
    }

    public ClaimSet(IEnumerable<Invoice> invoices, IEnumerable<Debtor> debtors, IEnumerable<DunningCase> cases)
    {
        ArgumentNullException.ThrowIfNull(invoices);
        ArgumentNullException.ThrowIfNull(debtors);
        ArgumentNullException.ThrowIfNull(cases);
        foreach (var invoice in invoices)
            this.invoices[invoice.Number] = invoice;
        foreach (var debtor in debtors)
            this.debtors[debtor.Id] = debtor;
        foreach (var dunningCase in cases)
            this.cases[dunningCase.DebtorId] = dunningCase;
    }

    /// <summary>
    /// Reads (again) the invoices among <paramref name="numbers"/>, their debtors and cases, replacing what the set held
    /// for them: three round trips whatever the count.
    /// </summary>
    public async Task LoadAsync(IInvoiceStore invoiceStore, IDebtorStore debtorStore, ICaseStore caseStore, IReadOnlyCollection<string> numbers,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invoiceStore);
        ArgumentNullException.ThrowIfNull(debtorStore);
        ArgumentNullException.ThrowIfNull(caseStore);
        ArgumentNullException.ThrowIfNull(numbers);
        var wanted = numbers.Distinct(StringComparer.Ordinal).ToList();
        foreach (var number in wanted)
            invoices.Remove(number);
        var found = await invoiceStore.FindManyAsync(wanted, cancellationToken).ConfigureAwait(false);
        var ids = found.Select(i => i.DebtorId).Distinct(StringComparer.Ordinal).ToList();
        foreach (var id in ids)
        {
            debtors.Remove(id);
            cases.Remove(id);
        }
        foreach (var invoice in found)
            invoices[invoice.Number] = invoice;
        foreach (var debtor in await debtorStore.FindManyAsync(ids, cancellationToken).ConfigureAwait(false))
            debtors[debtor.Id] = debtor;
        foreach (var dunningCase in await caseStore.FindManyAsync(ids, cancellationToken).ConfigureAwait(false))
            cases[dunningCase.DebtorId] = dunningCase;
    }

    /// <summary>The invoice, its debtor and its case (new, unsaved and kept here when missing); null when the invoice or debtor is unknown.</summary>
    internal (Invoice Invoice, Debtor Debtor, DunningCase Case)? Context(string number)
    {
        if (!invoices.TryGetValue(number, out var invoice) || !debtors.TryGetValue(invoice.DebtorId, out var debtor))
            return null;
        if (!cases.TryGetValue(debtor.Id, out var dunningCase))
            cases[debtor.Id] = dunningCase = new DunningCase { DebtorId = debtor.Id };
        return (invoice, debtor, dunningCase);
    }

    internal Invoice Invoice(string number) => invoices[number];

    internal DunningCase Case(string debtorId) => cases[debtorId];
}

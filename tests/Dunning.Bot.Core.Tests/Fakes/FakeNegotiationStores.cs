using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;

namespace Dunning.Bot.Core.Tests.Fakes;

/// <summary>Invoices in memory (for the case-dialog transcripts).</summary>
public sealed class FakeInvoiceStore() : FakeVersionedStore<Invoice>(i => i.Number, i => i.Version, (i, v) => i.Version = v), IInvoiceStore
{
    public Task<Invoice?> FindAsync(string number, CancellationToken cancellationToken) => Task.FromResult(Get(number));

    public Task<IReadOnlyList<Invoice>> ListByDebtorAsync(string debtorId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Invoice>>([.. All.Where(i => i.DebtorId == debtorId)]);

    /// <summary>Not supported: the dialogs under test never write batches.</summary>
    public Task SaveBatchAsync(IReadOnlyList<Debtor> debtors, IReadOnlyList<Invoice> invoices, IReadOnlyList<DunningCase> cases, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The case dialogs never write batches.");
}

/// <summary>Dunning cases in memory.</summary>
public sealed class FakeCaseStore() : FakeVersionedStore<DunningCase>(c => c.DebtorId, c => c.Version, (c, v) => c.Version = v), ICaseStore
{
    public Task<DunningCase?> FindAsync(string debtorId, CancellationToken cancellationToken) => Task.FromResult(Get(debtorId));

    public Task<IReadOnlyList<DunningCase>> ListDueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<DunningCase>>([.. All.Where(c => c.NextActionAt <= now).OrderBy(c => c.NextActionAt).Take(limit)]);

    public Task<IReadOnlyList<DunningCase>> ListAsync(CancellationToken cancellationToken) => Task.FromResult(All);
}

/// <summary>Payment agreements in memory.</summary>
public sealed class FakeAgreementStore() : FakeVersionedStore<PaymentAgreement>(a => a.Id, a => a.Version, (a, v) => a.Version = v), IAgreementStore
{
    public Task<PaymentAgreement?> FindAsync(string id, CancellationToken cancellationToken) => Task.FromResult(Get(id));

    public Task<IReadOnlyList<PaymentAgreement>> ListByDebtorAsync(string debtorId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<PaymentAgreement>>([.. All.Where(a => a.DebtorId == debtorId)]);

    public Task<IReadOnlyList<PaymentAgreement>> ListByStateAsync(AgreementState state, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<PaymentAgreement>>([.. All.Where(a => a.State == state)]);
}

/// <summary>Escalations in memory.</summary>
public sealed class FakeEscalationStore() : FakeVersionedStore<Escalation>(e => e.Id, e => e.Version, (e, v) => e.Version = v), IEscalationStore
{
    public Task<Escalation?> FindAsync(string id, CancellationToken cancellationToken) => Task.FromResult(Get(id));

    public Task<IReadOnlyList<Escalation>> ListOpenAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Escalation>>([.. All.Where(e => e.State != EscalationState.Resolved)]);

    public Task<IReadOnlyList<Escalation>> ListByDebtorAsync(string debtorId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Escalation>>([.. All.Where(e => e.DebtorId == debtorId)]);
}

/// <summary>Debtors in memory.</summary>
public sealed class FakeDebtorStore() : FakeVersionedStore<Debtor>(d => d.Id, d => d.Version, (d, v) => d.Version = v), IDebtorStore
{
    public Task<Debtor?> FindAsync(string id, CancellationToken cancellationToken) => Task.FromResult(Get(id));

    public Task<IReadOnlySet<string>> AccessCodesInUseAsync(IReadOnlyCollection<string> accessCodes, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlySet<string>>(All.Select(d => d.AccessCode).Intersect(accessCodes).ToHashSet());

    public Task<Debtor?> FindByAccessCodeAsync(string accessCode, CancellationToken cancellationToken) =>
        Task.FromResult(All.FirstOrDefault(d => d.AccessCode == accessCode));

    public Task<Debtor?> FindByLinkTokenAsync(string linkToken, CancellationToken cancellationToken) =>
        Task.FromResult(All.FirstOrDefault(d => d.LinkToken == linkToken));

    public Task<IReadOnlyList<Debtor>> ListAsync(CancellationToken cancellationToken) => Task.FromResult(All);
}

/// <summary>Collects owner alerts.</summary>
public sealed class FakeOwnerNotifier : IOwnerNotifier
{
    private readonly List<OwnerAlert> alerts = [];

    public IReadOnlyList<OwnerAlert> Alerts
    {
        get
        {
            lock (alerts)
                return [.. alerts];
        }
    }

    public Task NotifyAsync(OwnerAlert alert, CancellationToken cancellationToken)
    {
        lock (alerts)
            alerts.Add(alert);
        return Task.CompletedTask;
    }
}

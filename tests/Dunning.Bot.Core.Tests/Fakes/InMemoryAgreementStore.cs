using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;

namespace Dunning.Bot.Core.Tests.Fakes;

/// <summary>Payment agreements in memory (<see cref="VersionedMemoryStore{T}"/>).</summary>
public sealed class InMemoryAgreementStore : VersionedMemoryStore<PaymentAgreement>, IAgreementStore
{
    public Task<PaymentAgreement?> FindAsync(string id, CancellationToken cancellationToken) => FindByIdAsync(id, cancellationToken);

    public Task<IReadOnlyList<PaymentAgreement>> ListByDebtorAsync(string debtorId, CancellationToken cancellationToken) =>
        WhereAsync(a => string.Equals(a.DebtorId, debtorId, StringComparison.Ordinal), cancellationToken);

    public Task<IReadOnlyList<PaymentAgreement>> ListByStateAsync(AgreementState state, CancellationToken cancellationToken) =>
        WhereAsync(a => a.State == state, cancellationToken);

    protected override string IdOf(PaymentAgreement entity) => entity.Id;

    protected override int VersionOf(PaymentAgreement entity) => entity.Version;

    protected override void SetVersion(PaymentAgreement entity, int version) => entity.Version = version;

    protected override PaymentAgreement Copy(PaymentAgreement entity)
    {
        var copy = new PaymentAgreement
        {
            Id = entity.Id,
            DebtorId = entity.DebtorId,
            Kind = entity.Kind,
            InvoiceNumbers = [.. entity.InvoiceNumbers],
            Currency = entity.Currency,
            Schedule = [.. entity.Schedule],
            DiscountPercent = entity.DiscountPercent,
            ValidUntil = entity.ValidUntil,
            InterestRuns = entity.InterestRuns,
            CreatedAt = entity.CreatedAt,
            Breaks = entity.Breaks,
            Version = entity.Version,
        };
        copy.Restore(entity.State, entity.DecidedAt, entity.DecidedBy, entity.ReplacedBy);
        return copy;
    }
}

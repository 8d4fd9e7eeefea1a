using Dunning.Bot.Core.Domain;

namespace Dunning.Bot.Core.Ports;

/// <summary>Payment agreements by id and debtor. Versioned saves as in <see cref="IDebtorStore"/>.</summary>
public interface IAgreementStore
{
    Task<PaymentAgreement?> FindAsync(string id, CancellationToken cancellationToken);

    Task<IReadOnlyList<PaymentAgreement>> ListByDebtorAsync(string debtorId, CancellationToken cancellationToken);

    Task<IReadOnlyList<PaymentAgreement>> ListByStateAsync(AgreementState state, CancellationToken cancellationToken);

    Task SaveAsync(PaymentAgreement agreement, CancellationToken cancellationToken);
}

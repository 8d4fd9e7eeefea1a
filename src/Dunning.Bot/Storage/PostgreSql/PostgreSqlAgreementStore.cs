using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;

namespace Dunning.Bot.Storage.PostgreSql;

/// <summary>Payment agreements in PostgreSQL, indexed by debtor and state.</summary>
public sealed class PostgreSqlAgreementStore(PostgreSqlDatabase database)
    : PostgreSqlDocumentStore<PaymentAgreement>(database, PostgreSqlTables.Agreements), IAgreementStore
{
    public Task<PaymentAgreement?> FindAsync(string id, CancellationToken cancellationToken) => FindByIdAsync(id, cancellationToken);

    public Task<IReadOnlyList<PaymentAgreement>> ListByDebtorAsync(string debtorId, CancellationToken cancellationToken) =>
        WhereAsync("WHERE debtor_id = $1 ORDER BY id", [debtorId], cancellationToken);

    public Task<IReadOnlyList<PaymentAgreement>> ListByStateAsync(AgreementState state, CancellationToken cancellationToken) =>
        WhereAsync("WHERE state = $1 ORDER BY id", [state.ToString()], cancellationToken);

    public Task SaveAsync(PaymentAgreement agreement, CancellationToken cancellationToken) => SaveEntityAsync(agreement, cancellationToken);
}

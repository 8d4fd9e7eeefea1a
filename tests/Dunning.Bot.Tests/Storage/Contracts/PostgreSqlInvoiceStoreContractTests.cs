using Dunning.Bot.Tests.Infrastructure;

namespace Dunning.Bot.Tests.Storage.Contracts;

/// <summary>The <see cref="InvoiceStoreContract"/> on PostgreSQL (the private test cluster).</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgreSqlInvoiceStoreContractTests(PostgresServer server) : InvoiceStoreContract, INeedPostgres
{
    protected override async Task<StorageUnderTest> OpenAsync() => await PostgreSqlStorageUnderTest.CreateAsync(server);
}

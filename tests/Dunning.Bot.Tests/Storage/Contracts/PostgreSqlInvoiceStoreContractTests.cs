using Dunning.Bot.Tests.Infrastructure;

namespace Dunning.Bot.Tests.Storage.Contracts;

/// <summary>The <see cref="InvoiceStoreContract"/> on PostgreSQL (the private test cluster).</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgreSqlInvoiceStoreContractTests(PostgresServer server) : InvoiceStoreContract(new PostgreSqlUnderTest(server)), INeedPostgres;

using Dunning.Bot.Tests.Infrastructure;

namespace Dunning.Bot.Tests.Storage.Contracts;

/// <summary>The <see cref="BankReviewStoreContract"/> on PostgreSQL (the private test cluster).</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgreSqlBankReviewStoreContractTests(PostgresServer server) : BankReviewStoreContract(new PostgreSqlUnderTest(server)), INeedPostgres;

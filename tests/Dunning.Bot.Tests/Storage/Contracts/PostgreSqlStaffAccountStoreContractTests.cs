using Dunning.Bot.Tests.Infrastructure;

namespace Dunning.Bot.Tests.Storage.Contracts;

/// <summary>The <see cref="StaffAccountStoreContract"/> on PostgreSQL (the private test cluster).</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgreSqlStaffAccountStoreContractTests(PostgresServer server) : StaffAccountStoreContract(new PostgreSqlUnderTest(server)), INeedPostgres;

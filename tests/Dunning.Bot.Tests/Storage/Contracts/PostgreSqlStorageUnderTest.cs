using Dunning.Bot.Banking;
using Dunning.Bot.Conversations.State;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Scheduling;
using Dunning.Bot.Uploads;
using Microsoft.Extensions.Options;
using Dunning.Bot.Storage.PostgreSql;
using Dunning.Bot.Tests.Infrastructure;

namespace Dunning.Bot.Tests.Storage.Contracts;

/// <summary>The PostgreSQL provider under the contracts: a new database on the private test cluster, migrated as a host migrates it.</summary>
public sealed class PostgreSqlStorageUnderTest : StorageUnderTest
{
    private readonly PostgreSqlDatabase database;
    private readonly PostgreSqlOutbox outbox;

    private PostgreSqlStorageUnderTest(string connectionString)
    {
        ConnectionString = connectionString;
        database = new PostgreSqlDatabase(connectionString);
        outbox = new PostgreSqlOutbox(database);
        Debtors = new PostgreSqlDebtorStore(database);
        Invoices = new PostgreSqlInvoiceStore(database);
        Cases = new PostgreSqlCaseStore(database);
        Agreements = new PostgreSqlAgreementStore(database);
        Escalations = new PostgreSqlEscalationStore(database);
        Conversations = new PostgreSqlConversationStore(database);
        Transcripts = new PostgreSqlTranscriptStore(database);
        BotState = new PostgreSqlBotStorage(database);
        BankReview = new PostgreSqlBankReviewStore(database);
        PayerAccounts = new PostgreSqlPayerAccountStore(database);
        Proofs = new PostgreSqlProofStore(database, Options.Create(new UploadOptions()));
    }

    public string ConnectionString { get; }

    public PostgreSqlDatabase Database => database;

    public static async Task<PostgreSqlStorageUnderTest> CreateAsync(PostgresServer server)
    {
        var storage = new PostgreSqlStorageUnderTest(await server.CreateDatabaseAsync());
        await storage.database.MigrateAsync(CancellationToken.None);
        return storage;
    }

    public override IDebtorStore Debtors { get; }

    public override IInvoiceStore Invoices { get; }

    public override ICaseStore Cases { get; }

    public override IAgreementStore Agreements { get; }

    public override IEscalationStore Escalations { get; }

    public override IConversationStore Conversations { get; }

    public override ITranscriptStore Transcripts { get; }

    public override IStorage BotState { get; }

    public override IOutbox Outbox => outbox;

    public override IOutboxReceipts Receipts => outbox;

    public override IBankReviewStore BankReview { get; }

    public override IPayerAccountStore PayerAccounts { get; }

    public override IProofStore Proofs { get; }

    public override ITurn BeginTurn() => new Turn(database.BeginUnitOfWork());

    public override StorageUnderTest Reopen() => new PostgreSqlStorageUnderTest(ConnectionString);

    public override ValueTask DisposeAsync() => database.DisposeAsync();

    private sealed class Turn(PostgreSqlUnitOfWork unit) : ITurn
    {
        public Task CommitAsync(CancellationToken cancellationToken) => unit.CommitAsync(cancellationToken);

        public ValueTask DisposeAsync() => unit.DisposeAsync();
    }
}

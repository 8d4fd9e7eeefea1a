using Dunning.Bot.Banking;
using Dunning.Bot.Conversations.State;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Scheduling;
using Dunning.Bot.Uploads;
using Microsoft.Extensions.Options;
using Dunning.Bot.Storage.LiteDb;

namespace Dunning.Bot.Tests.Storage.Contracts;

/// <summary>The LiteDB provider under the contracts: a file in a temp folder, opened Shared so a second set of stores can open it too.</summary>
public sealed class LiteDbStorageUnderTest : StorageUnderTest
{
    private readonly TempDatabase? folder;
    private readonly LiteDbContext context;
    private readonly LiteOutbox outbox;

    public LiteDbStorageUnderTest()
        : this(new TempDatabase(), null)
    {
    }

    private LiteDbStorageUnderTest(TempDatabase? owned, LiteDbContext? shared)
    {
        folder = owned;
        context = shared ?? new LiteDbContext(owned!.Options());
        outbox = new LiteOutbox(context);
        Debtors = new LiteDebtorStore(context);
        Invoices = new LiteInvoiceStore(context);
        Cases = new LiteCaseStore(context);
        Agreements = new LiteAgreementStore(context);
        Escalations = new LiteEscalationStore(context);
        Conversations = new LiteConversationStore(context);
        Transcripts = new LiteTranscriptStore(context);
        BotState = new LiteBotStorage(context);
        BankReview = new LiteBankReviewStore(context);
        PayerAccounts = new LitePayerAccountStore(context);
        Proofs = new LiteProofStore(context, Options.Create(new UploadOptions()));
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

    public override ITurn BeginTurn() => new Turn(context.BeginUnitOfWork());

    // LiteDB is one process's file: a second host is the same context (its stores are stateless over it).
    public override StorageUnderTest Reopen() => new LiteDbStorageUnderTest(null, context);

    public override ValueTask DisposeAsync()
    {
        if (folder is not null)
        {
            context.Dispose();
            folder.Dispose();
        }
        return ValueTask.CompletedTask;
    }

    private sealed class Turn(LiteUnitOfWork unit) : ITurn
    {
        public Task CommitAsync(CancellationToken cancellationToken) => unit.CommitAsync(cancellationToken);

        public ValueTask DisposeAsync()
        {
            unit.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}

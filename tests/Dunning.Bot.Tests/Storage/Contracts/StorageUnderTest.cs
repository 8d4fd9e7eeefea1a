using Dunning.Bot.Banking;
using Dunning.Bot.Conversations.State;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Scheduling;
using Dunning.Bot.Uploads;

namespace Dunning.Bot.Tests.Storage.Contracts;

/// <summary>
/// One storage provider as the contracts see it: a fresh, empty database, the stores of Core's ports on it, and the seam
/// a turn's unit of work goes through. <see cref="Reopen"/> gives a second set of stores on the same database (another
/// host, or the next process), so what a contract reads back has really been stored.
/// </summary>
public abstract class StorageUnderTest : IAsyncDisposable
{
    public abstract IDebtorStore Debtors { get; }

    public abstract IInvoiceStore Invoices { get; }

    public abstract ICaseStore Cases { get; }

    public abstract IAgreementStore Agreements { get; }

    public abstract IEscalationStore Escalations { get; }

    public abstract IConversationStore Conversations { get; }

    public abstract ITranscriptStore Transcripts { get; }

    public abstract IStorage BotState { get; }

    public abstract IOutbox Outbox { get; }

    public abstract IOutboxReceipts Receipts { get; }

    public abstract IBankReviewStore BankReview { get; }

    public abstract IPayerAccountStore PayerAccounts { get; }

    public abstract IProofStore Proofs { get; }

    /// <summary>Starts a turn's unit of work in the current async flow (the stores that join it write at <see cref="ITurn.CommitAsync"/>).</summary>
    public abstract ITurn BeginTurn();

    /// <summary>The stores of another host on the same database.</summary>
    public abstract StorageUnderTest Reopen();

    public abstract ValueTask DisposeAsync();

    /// <summary>A turn's unit of work: committed once, or disposed without commit (nothing of it is written).</summary>
    public interface ITurn : IAsyncDisposable
    {
        Task CommitAsync(CancellationToken cancellationToken);
    }
}

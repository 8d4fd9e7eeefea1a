using Dunning.Bot.Banking;
using Dunning.Bot.Conversations.State;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Scheduling;
using Dunning.Bot.Storage;
using Dunning.Bot.Uploads;
using Microsoft.Extensions.DependencyInjection;

namespace Dunning.Bot.Tests.Storage.Contracts;

/// <summary>
/// The ports of one host's services as the contracts use them, and the seam a turn's unit of work goes through
/// (<see cref="IUnitOfWorkFactory"/>, as the channel adapters begin it).
/// </summary>
public sealed class StoresUnderTest(IServiceProvider services)
{
    public IDebtorStore Debtors => services.GetRequiredService<IDebtorStore>();

    public IInvoiceStore Invoices => services.GetRequiredService<IInvoiceStore>();

    public ICaseStore Cases => services.GetRequiredService<ICaseStore>();

    public IAgreementStore Agreements => services.GetRequiredService<IAgreementStore>();

    public IEscalationStore Escalations => services.GetRequiredService<IEscalationStore>();

    public IConversationStore Conversations => services.GetRequiredService<IConversationStore>();

    public ITranscriptStore Transcripts => services.GetRequiredService<ITranscriptStore>();

    public IStorage BotState => services.GetRequiredService<IStorage>();

    public IOutbox Outbox => services.GetRequiredService<IOutbox>();

    public IOutboxReceipts Receipts => services.GetRequiredService<IOutboxReceipts>();

    public IBankReviewStore BankReview => services.GetRequiredService<IBankReviewStore>();

    public IPayerAccountStore PayerAccounts => services.GetRequiredService<IPayerAccountStore>();

    public IProofStore Proofs => services.GetRequiredService<IProofStore>();

    public Dunning.Bot.Channels.WebChat.IWebChatStore WebChat => services.GetRequiredService<Dunning.Bot.Channels.WebChat.IWebChatStore>();

    public Dunning.Bot.Channels.Teams.ITeamsStore Teams => services.GetRequiredService<Dunning.Bot.Channels.Teams.ITeamsStore>();

    /// <summary>Starts a turn's unit of work in the current async flow (the stores that join it write at <see cref="ITurn.CommitAsync"/>).</summary>
    public ITurn BeginTurn() => new Turn(services.GetRequiredService<IUnitOfWorkFactory>().BeginUnitOfWork());

    /// <summary>A turn's unit of work: committed once, or disposed without commit (nothing of it is written).</summary>
    public interface ITurn : IAsyncDisposable
    {
        Task CommitAsync(CancellationToken cancellationToken);
    }

    private sealed class Turn(IUnitOfWork unit) : ITurn
    {
        public Task CommitAsync(CancellationToken cancellationToken) => unit.CommitAsync(cancellationToken);

        public ValueTask DisposeAsync()
        {
            unit.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}

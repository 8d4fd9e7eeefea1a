using Dunning.Bot.Banking;
using Dunning.Bot.Channels.Email;
using Dunning.Bot.Channels.Teams;
using Dunning.Bot.Channels.Telegram;
using Dunning.Bot.Channels.WebChat;
using Dunning.Bot.Conversations.State;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Privacy;
using Dunning.Bot.Scheduling;
using Dunning.Bot.Staff.Accounts;
using Dunning.Bot.Staff.Audit;
using Dunning.Bot.Uploads;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Dunning.Bot.Storage.LiteDb;

public static class LiteDbServiceCollectionExtensions
{
    /// <summary>
    /// The LiteDB provider: the one <see cref="LiteDbContext"/> of the process (also the <see cref="IUnitOfWorkFactory"/>)
    /// and the LiteDB implementation of every storage port — Core's stores, bot state, outbox, channel state, staff
    /// accounts, audit, erasure. All singletons (they are thread-safe); each only if nothing is registered for it yet.
    /// </summary>
    public static IServiceCollection AddLiteDbStorage(this IServiceCollection services)
    {
        services.TryAddSingleton(sp => new LiteDbContext(sp.GetRequiredService<IOptions<StorageOptions>>().Value, Clock(sp)));
        services.TryAddSingleton<IUnitOfWorkFactory>(sp => sp.GetRequiredService<LiteDbContext>());
        services.TryAddSingleton<IStorageCapabilities, LiteStorageCapabilities>();

        services.TryAddSingleton<IDebtorStore, LiteDebtorStore>();
        services.TryAddSingleton<IInvoiceStore, LiteInvoiceStore>();
        services.TryAddSingleton<ICaseStore, LiteCaseStore>();
        services.TryAddSingleton<IAgreementStore, LiteAgreementStore>();
        services.TryAddSingleton<IEscalationStore, LiteEscalationStore>();
        services.TryAddSingleton<IConversationStore, LiteConversationStore>();
        services.TryAddSingleton<ITranscriptStore, LiteTranscriptStore>();
        services.TryAddSingleton<IStorage, LiteBotStorage>();
        services.TryAddSingleton<LiteOutbox>();
        services.TryAddSingleton<IOutbox>(sp => sp.GetRequiredService<LiteOutbox>());
        services.TryAddSingleton<IOutboxReceipts>(sp => sp.GetRequiredService<LiteOutbox>());
        services.TryAddSingleton<IBankReviewStore, LiteBankReviewStore>();
        services.TryAddSingleton<IPayerAccountStore, LitePayerAccountStore>();
        services.TryAddSingleton<IProofStore, LiteProofStore>();

        services.TryAddSingleton<ITelegramStore>(sp => new LiteTelegramStore(sp.GetRequiredService<LiteDbContext>(), Clock(sp)));
        services.TryAddSingleton<ITeamsStore, LiteTeamsStore>();
        services.TryAddSingleton<IWebChatStore>(sp => new LiteWebChatStore(sp.GetRequiredService<LiteDbContext>(), Clock(sp)));
        services.TryAddSingleton<ISigningKeyStore, LiteSigningKeyStore>();
        services.TryAddSingleton<IEmailStore>(sp => new LiteEmailStore(sp.GetRequiredService<LiteDbContext>(), Clock(sp)));
        services.TryAddSingleton<IStaffAccountStore, LiteStaffAccountStore>();
        services.TryAddSingleton<IAuditLog, LiteAuditLog>();
        services.TryAddSingleton<LiteConversationPurge>();
        services.TryAddSingleton<IConversationPurge>(sp => sp.GetRequiredService<LiteConversationPurge>());
        services.TryAddSingleton<IDebtorErasureStore, LiteDebtorErasure>();
        return services;
    }

    // Verbs build bare service collections without a clock; the host registers one.
    private static TimeProvider Clock(IServiceProvider services) => services.GetService<TimeProvider>() ?? TimeProvider.System;
}

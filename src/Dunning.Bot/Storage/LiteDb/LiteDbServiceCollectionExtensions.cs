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
using Microsoft.Extensions.Options;

namespace Dunning.Bot.Storage.LiteDb;

public static class LiteDbServiceCollectionExtensions
{
    /// <summary>
    /// The LiteDB provider: the one <see cref="LiteDbContext"/> of the process (also the <see cref="IUnitOfWorkFactory"/>)
    /// and the LiteDB implementation of every storage port — Core's stores, bot state, outbox, channel state, staff
    /// accounts, audit, erasure. All singletons (they are thread-safe); a port registered after this replaces it.
    /// </summary>
    public static IServiceCollection AddLiteDbStorage(this IServiceCollection services)
    {
        services.AddSingleton(sp => new LiteDbContext(sp.GetRequiredService<IOptions<StorageOptions>>().Value, Clock(sp)));
        services.AddSingleton<IUnitOfWorkFactory>(sp => sp.GetRequiredService<LiteDbContext>());
        services.AddSingleton<IStorageCapabilities, LiteStorageCapabilities>();

        services.AddSingleton<IDebtorStore, LiteDebtorStore>();
        services.AddSingleton<IInvoiceStore, LiteInvoiceStore>();
        services.AddSingleton<ICaseStore, LiteCaseStore>();
        services.AddSingleton<IAgreementStore, LiteAgreementStore>();
        services.AddSingleton<IEscalationStore, LiteEscalationStore>();
        services.AddSingleton<IConversationStore, LiteConversationStore>();
        services.AddSingleton<ITranscriptStore, LiteTranscriptStore>();
        services.AddSingleton<IStorage, LiteBotStorage>();
        services.AddSingleton<LiteOutbox>();
        services.AddSingleton<IOutbox>(sp => sp.GetRequiredService<LiteOutbox>());
        services.AddSingleton<IOutboxReceipts>(sp => sp.GetRequiredService<LiteOutbox>());
        services.AddSingleton<IBankReviewStore, LiteBankReviewStore>();
        services.AddSingleton<IPayerAccountStore, LitePayerAccountStore>();
        services.AddSingleton<IProofStore, LiteProofStore>();

        services.AddSingleton<ITelegramStore>(sp => new LiteTelegramStore(sp.GetRequiredService<LiteDbContext>(), Clock(sp)));
        services.AddSingleton<ITeamsStore, LiteTeamsStore>();
        services.AddSingleton<IWebChatStore>(sp => new LiteWebChatStore(sp.GetRequiredService<LiteDbContext>(), Clock(sp)));
        services.AddSingleton<ISigningKeyStore, LiteSigningKeyStore>();
        services.AddSingleton<IEmailStore>(sp => new LiteEmailStore(sp.GetRequiredService<LiteDbContext>(), Clock(sp)));
        services.AddSingleton<IStaffAccountStore, LiteStaffAccountStore>();
        services.AddSingleton<IAuditLog, LiteAuditLog>();
        services.AddSingleton<LiteConversationPurge>();
        services.AddSingleton<IConversationPurge>(sp => sp.GetRequiredService<LiteConversationPurge>());
        services.AddSingleton<IDebtorErasureStore, LiteDebtorErasure>();
        return services;
    }

    // Verbs build bare service collections without a clock; the host registers one.
    private static TimeProvider Clock(IServiceProvider services) => services.GetService<TimeProvider>() ?? TimeProvider.System;
}

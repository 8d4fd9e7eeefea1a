using Dunning.Bot.Conversations.State;
using Dunning.Bot.Core.Ports;
using Microsoft.Extensions.Options;

namespace Dunning.Bot.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="StorageOptions"/> (section <c>Storage</c>) and registers the one <see cref="LiteDbContext"/>
    /// of the process and the LiteDB implementations of Core's store ports and the bot state (all singletons; they are
    /// thread-safe). Part of <see cref="Hosting.DunningServices"/>.
    /// </summary>
    public static IHostApplicationBuilder AddDunningStorage(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<StorageOptions>().Bind(builder.Configuration.GetSection(StorageOptions.SectionName));
        services.AddSingleton(sp => new LiteDbContext(sp.GetRequiredService<IOptions<StorageOptions>>().Value, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IDebtorStore, LiteDebtorStore>();
        services.AddSingleton<IInvoiceStore, LiteInvoiceStore>();
        services.AddSingleton<ICaseStore, LiteCaseStore>();
        services.AddSingleton<IAgreementStore, LiteAgreementStore>();
        services.AddSingleton<IEscalationStore, LiteEscalationStore>();
        services.AddSingleton<IConversationStore, LiteConversationStore>();
        services.AddSingleton<ITranscriptStore, LiteTranscriptStore>();
        services.AddSingleton<IStorage, LiteBotStorage>();
        services.AddSingleton<LiteConversationPurge>();
        return builder;
    }

    /// <summary>
    /// Opens the LiteDB file now — taking its <see cref="DatabaseFileLock"/> in Direct mode — so that a second process is
    /// refused with <see cref="DatabaseInUseException"/> before the host listens or starts its jobs.
    /// </summary>
    public static WebApplication OpenDunningStorage(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Services.GetRequiredService<LiteDbContext>();
        return app;
    }
}

using Dunning.Bot.Core.Ports;
using Dunning.Bot.Storage.LiteDb;
using Microsoft.Extensions.Options;

namespace Dunning.Bot.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="StorageOptions"/> (section <c>Storage</c>) and registers the one <see cref="LiteDbContext"/>
    /// of the process and the LiteDB implementations of Core's store ports (all singletons; they are thread-safe).
    /// </summary>
    public static IServiceCollection AddDunningStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.SectionName));
        services.AddSingleton(sp => new LiteDbContext(sp.GetRequiredService<IOptions<StorageOptions>>().Value,
            sp.GetService<TimeProvider>() ?? TimeProvider.System));
        services.AddSingleton<IDebtorStore, LiteDebtorStore>();
        services.AddSingleton<IInvoiceStore, LiteInvoiceStore>();
        services.AddSingleton<ICaseStore, LiteCaseStore>();
        services.AddSingleton<IAgreementStore, LiteAgreementStore>();
        services.AddSingleton<IEscalationStore, LiteEscalationStore>();
        // A LiteDB IStorage (bot state with eTags) joins here once the conversation engine defines IStorage.
        return services;
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

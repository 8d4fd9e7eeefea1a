using Dunning.Bot.Core.Ports;
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
        services.AddSingleton(sp => new LiteDbContext(sp.GetRequiredService<IOptions<StorageOptions>>().Value));
        services.AddSingleton<IDebtorStore, LiteDebtorStore>();
        services.AddSingleton<IInvoiceStore, LiteInvoiceStore>();
        services.AddSingleton<ICaseStore, LiteCaseStore>();
        services.AddSingleton<IAgreementStore, LiteAgreementStore>();
        services.AddSingleton<IEscalationStore, LiteEscalationStore>();
        // A LiteDB IStorage (bot state with eTags) joins here once the conversation engine defines IStorage.
        return services;
    }
}

using Dunning.Bot.Storage.LiteDb;

namespace Dunning.Bot.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="StorageOptions"/> (section <c>Storage</c>) and registers the configured provider's implementation
    /// of every storage port (<see cref="LiteDbServiceCollectionExtensions.AddLiteDbStorage"/>, the embedded default).
    /// Everything outside <c>Storage/</c> asks for the ports only. Part of <see cref="Hosting.DunningServices"/>.
    /// </summary>
    public static IHostApplicationBuilder AddDunningStorage(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<StorageOptions>().Bind(builder.Configuration.GetSection(StorageOptions.SectionName));
        builder.Services.AddLiteDbStorage();
        // Live updates (web chat streams, console): within this process; the PostgreSQL provider replaces it.
        builder.Services.AddSingleton<IChangeNotifications, InProcessChangeNotifications>();
        return builder;
    }

    /// <summary>
    /// Opens the storage now — for LiteDB taking its file lock in Direct mode — so that a second process is refused with
    /// <see cref="DatabaseInUseException"/> before the host listens or starts its jobs.
    /// </summary>
    public static WebApplication OpenDunningStorage(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Services.GetRequiredService<IUnitOfWorkFactory>();
        return app;
    }
}

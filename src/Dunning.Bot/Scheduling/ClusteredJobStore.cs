using Dunning.Bot.Storage;
using Quartz;

namespace Dunning.Bot.Scheduling;

/// <summary>
/// Where Quartz keeps its schedule. With LiteDB (one host): in memory — the database, not Quartz, holds every pending
/// action. With PostgreSQL: Quartz's ADO.NET job store on the same database (tables from our migrations), clustered, so
/// every trigger fires on one host of all that share the database and a dead host's triggers are taken over.
/// </summary>
public static class ClusteredJobStore
{
    /// <summary>The scheduler name every host of one database shares (clustering groups schedulers by it).</summary>
    public const string SchedulerName = "dunning";

    public static void UseDunningJobStore(this IQuartzBuilder quartz, StorageOptions storage)
    {
        ArgumentNullException.ThrowIfNull(quartz);
        ArgumentNullException.ThrowIfNull(storage);
        if (storage.Provider != StorageProvider.PostgreSql || string.IsNullOrWhiteSpace(storage.ConnectionString))
        {
            quartz.UseInMemoryStore();
            return;
        }
        quartz.ConfigureScheduler(o => o.InstanceName = SchedulerName);
        quartz.UsePersistentStore(store =>
        {
            store.UsePostgres(Npgsql.NpgsqlFactory.Instance, storage.ConnectionString);
            store.UseSystemTextJsonSerializer();
            store.UseClustering();
        });
    }
}

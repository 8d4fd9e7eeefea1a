namespace Dunning.Bot.Storage;

/// <summary>Which database keeps everything; see <see cref="StorageOptions.Provider"/>.</summary>
public enum StorageProvider
{
    /// <summary>One embedded LiteDB file (<see cref="StorageOptions.Path"/>): the default, for one host.</summary>
    LiteDb,

    /// <summary>A PostgreSQL database (<see cref="StorageOptions.ConnectionString"/>): several hosts, Quartz clustered.</summary>
    PostgreSql,
}

using LiteDB;

namespace Dunning.Bot.Channels.Teams;

/// <summary>The LiteDB database the Teams channel keeps its few documents in.</summary>
internal static class TeamsDatabase
{
    public static LiteDatabase Resolve(IServiceProvider services)
    {
        if (services.GetService<LiteDatabase>() is { } database)
            return database;
        var path = services.GetRequiredService<IConfiguration>()["Storage:Path"] ?? "./data/dunning.db";
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        return new LiteDatabase(new ConnectionString { Filename = full, Connection = ConnectionType.Shared });
    }
}

using Dunning.Bot.Storage;
using Dunning.Bot.Storage.LiteDb;

namespace Dunning.Bot.Tests.Storage;

/// <summary>A LiteDB file in a fresh temp folder, deleted on dispose.</summary>
public sealed class TempDatabase : IDisposable
{
    public TempDatabase()
    {
        Directory.CreateDirectory(Folder);
    }

    public string Folder { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "dunning-tests-" + Guid.NewGuid().ToString("N"));

    public string Path => System.IO.Path.Combine(Folder, "db", "dunning.db");

    public StorageOptions Options(string? password = null) => new() { Path = Path, Password = password };

    public LiteDbContext Open(string? password = null) => new(Options(password));

    public void Dispose()
    {
        if (Directory.Exists(Folder))
            Directory.Delete(Folder, recursive: true);
    }
}

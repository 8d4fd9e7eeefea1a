using Microsoft.Extensions.Options;

namespace Dunning.Bot.Storage.LiteDb;

/// <summary>
/// LiteDB's answers: in <see cref="StorageConnection.Direct"/> mode a commit may run on its own thread beside reads; in
/// <see cref="StorageConnection.Shared"/> mode the file's mutex belongs to the thread that took it, so one thread does all.
/// </summary>
public sealed class LiteStorageCapabilities(IOptions<StorageOptions> options) : IStorageCapabilities
{
    public bool CommitsOverlapReads => options.Value.Connection == StorageConnection.Direct;
}

namespace Dunning.Bot.Storage;

/// <summary>How the LiteDB file is opened; see <see cref="StorageOptions.Connection"/>.</summary>
public enum StorageConnection
{
    Direct,
    Shared,
}

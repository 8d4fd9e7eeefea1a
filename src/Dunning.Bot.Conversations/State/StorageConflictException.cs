namespace Dunning.Bot.Conversations.State;

/// <summary>
/// A write's eTag precondition failed: the item changed (or appeared, or vanished) since it was read.
/// Nothing of the batch was written. Re-read and retry the turn, or give up; never overwrite blindly.
/// </summary>
public sealed class StorageConflictException : Exception
{
    public StorageConflictException()
    {
    }

    public StorageConflictException(string message)
        : base(message)
    {
    }

    public StorageConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public StorageConflictException(string key, string? expectedETag, string? actualETag)
        : base($"Storage conflict on '{key}': expected eTag {expectedETag ?? "(create)"}, found {actualETag ?? "(none)"}.")
    {
        Key = key;
    }

    /// <summary>The key whose precondition failed.</summary>
    public string? Key { get; }
}

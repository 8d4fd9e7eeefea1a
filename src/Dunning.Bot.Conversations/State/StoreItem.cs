namespace Dunning.Bot.Conversations.State;

/// <summary>
/// One stored document: UTF-8 JSON and its eTag. On read the eTag is the current version; on write it is
/// the precondition (null = create only, "*" = unconditional, else must match). See <see cref="IStorage"/>.
/// </summary>
public sealed record StoreItem(ReadOnlyMemory<byte> Utf8Json, string? ETag)
{
    /// <summary>The eTag that makes a write unconditional.</summary>
    public const string AnyETag = "*";
}

namespace Dunning.Bot.Conversations.State;

/// <summary>
/// A key–value store for bot state with optimistic concurrency. Values are opaque UTF-8 JSON documents
/// (<see cref="StoreItem.Utf8Json"/>); the store never interprets them.
/// </summary>
/// <remarks>
/// <para>The contract every implementation (memory, LiteDB, PostgreSQL) must keep:</para>
/// <list type="bullet">
/// <item><b>Keys</b> are compared ordinally (case-sensitive), are non-empty and at most
/// <see cref="MaxKeyLength"/> characters. The engine uses <c>{channelId}/conversations/{conversationId}</c>
/// and <c>{channelId}/users/{userId}</c>.</item>
/// <item><b>ReadAsync</b> returns an entry only for keys that exist, each with its current, non-null eTag.
/// Missing keys are simply absent (no exception). Duplicate keys in the request are allowed.</item>
/// <item><b>WriteAsync</b> decides per item by its <see cref="StoreItem.ETag"/>:
///   <c>null</c> = create only (the key must not exist);
///   <c>"*"</c> = write unconditionally (create or overwrite);
///   any other value = overwrite only if it equals the stored eTag (the key must exist).
/// Otherwise it throws <see cref="StorageConflictException"/> and writes <b>none</b> of the items
/// (a batch is all-or-nothing). Every successful write assigns a new eTag, never reused for that key,
/// and the method returns the new eTag per written key.</item>
/// <item><b>DeleteAsync</b> removes the keys unconditionally; missing keys are ignored.</item>
/// <item>Reads see every completed write (read-your-writes); stored bytes are copied in and out, so a
/// caller mutating its buffer afterwards cannot change what is stored.</item>
/// <item>All methods are safe to call concurrently.</item>
/// </list>
/// </remarks>
public interface IStorage
{
    /// <summary>The longest key the engine produces or an implementation must accept.</summary>
    public const int MaxKeyLength = 1024;

    Task<IReadOnlyDictionary<string, StoreItem>> ReadAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken);

    Task<IReadOnlyDictionary<string, string>> WriteAsync(IReadOnlyDictionary<string, StoreItem> changes, CancellationToken cancellationToken);

    Task DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken);
}

namespace Dunning.Bot.Storage;

/// <summary>
/// The storage failed (locked, unreachable, full); nothing was written. Callers that can retry later (a proactive
/// send) catch this instead of a provider's own exception type.
/// </summary>
public sealed class StorageException(string message, Exception? inner = null) : Exception(message, inner);

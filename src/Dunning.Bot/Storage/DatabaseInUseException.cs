namespace Dunning.Bot.Storage;

/// <summary>Another process holds the LiteDB file (see <see cref="DatabaseFileLock"/>); the message names it and what to do.</summary>
public sealed class DatabaseInUseException(string message, Exception inner) : Exception(message, inner);

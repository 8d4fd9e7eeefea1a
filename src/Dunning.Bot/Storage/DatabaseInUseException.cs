namespace Dunning.Bot.Storage;

/// <summary>Another process holds the database (the LiteDB file lock, for one); the message names it and what to do.</summary>
public sealed class DatabaseInUseException(string message, Exception inner) : Exception(message, inner);

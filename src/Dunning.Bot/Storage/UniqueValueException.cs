namespace Dunning.Bot.Storage;

/// <summary>A value that must be unique (an access code, a link token) is already used by another document. Nothing was written.</summary>
public sealed class UniqueValueException(string message, Exception inner) : Exception(message, inner);

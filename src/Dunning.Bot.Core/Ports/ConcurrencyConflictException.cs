namespace Dunning.Bot.Core.Ports;

/// <summary>
/// A document was changed by someone else since it was read (its <c>Version</c> moved on).
/// Nothing was written; re-read and try again. Never a silent overwrite.
/// </summary>
public sealed class ConcurrencyConflictException(string message) : Exception(message);

namespace Dunning.Bot.Core.Domain;

/// <summary>
/// An operation would break a domain invariant (mixed currencies, a due date before the issue date,
/// a negative payment, …). The message says what and why; nothing was changed.
/// </summary>
public sealed class DomainException(string message) : Exception(message);

namespace Dunning.Bot.Core.Domain;

/// <summary>
/// One entry in a case's history: a reminder sent, a promise made, a payment seen, a pause, an
/// escalation, a staff action. <see cref="Kind"/> is a short stable word (see <see cref="CaseActionKinds"/>).
/// </summary>
public sealed record CaseAction(DateTimeOffset At, string Kind, string Summary, string? Channel = null,
    IReadOnlyList<string>? InvoiceNumbers = null, string? Actor = null);

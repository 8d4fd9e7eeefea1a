namespace Dunning.Bot.Core.Domain;

/// <summary>A credit note ("Gutschrift") that lowers the invoice's principal from <see cref="Date"/> on.</summary>
public sealed record CreditNote(DateOnly Date, decimal Amount, string Reference);

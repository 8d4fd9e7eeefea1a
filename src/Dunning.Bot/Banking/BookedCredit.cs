namespace Dunning.Bot.Banking;

/// <summary>
/// One part of a payment booked with a reference (a bank entry, or a payment typed in): on which invoice of which debtor,
/// how much, and whether it was reversed since. The matcher finds the payment a reversal entry undoes among these.
/// </summary>
public sealed record BookedCredit(string Reference, string DebtorId, string Invoice, decimal Amount, string Currency, bool Reversed);

namespace Dunning.Bot.Banking;

/// <summary>
/// Why a decision about a statement entry or a booked payment was refused (nothing changed): <see cref="Key"/> is the
/// console's wording (<c>dialogs/console_bank.*.yaml</c>) with its variables in <see cref="Model"/>, <see cref="Detail"/>
/// the English sentence the API answers; <see cref="NotFound"/> when there is no such entry or payment.
/// </summary>
public sealed record BankRefusal(string Key, string Detail, object? Model = null, bool NotFound = false);

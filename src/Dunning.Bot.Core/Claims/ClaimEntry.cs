using Dunning.Bot.Core.Domain;

namespace Dunning.Bot.Core.Claims;

/// <summary>What a claim entry is.</summary>
public enum ClaimEntryKind
{
    Fee,
    Payment,
    WriteOff,
    CreditNote,
}

/// <summary>
/// One line of a claim's ledger: <see cref="Amount"/> on <see cref="Date"/> and, for a payment, write-off or credit note,
/// the parts it settled (<see cref="ToFees"/>, <see cref="ToInterest"/>, <see cref="ToPrincipal"/>) and what was left
/// over (<see cref="ToCredit"/>, payments only).
/// </summary>
public sealed record ClaimEntry(DateOnly Date, ClaimEntryKind Kind, Money Amount, Money ToFees, Money ToInterest, Money ToPrincipal, Money ToCredit, string? Note);

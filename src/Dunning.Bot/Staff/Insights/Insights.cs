namespace Dunning.Bot.Staff.Insights;

/// <summary>
/// What the owner learns from the collected conversations and cases: which objections, questions and dispute reasons
/// come up most (so terms can be stated more clearly), how often promises are kept, and how much is recovered at each
/// stage of the dunning ladder.
/// </summary>
public sealed record Insights
{
    /// <summary>Escalations by reason, most frequent first.</summary>
    public required IReadOnlyList<Count> EscalationReasons { get; init; }

    /// <summary>Objections recorded in case histories (dispute, objection, hardship, claimed paid), most frequent first.</summary>
    public required IReadOnlyList<Count> Objections { get; init; }

    /// <summary>The debtors' own words for disputes, grouped case-insensitively, most frequent first.</summary>
    public required IReadOnlyList<Count> DisputeReasons { get; init; }

    /// <summary>What debtors wrote, by recognized intent (questions, requests, objections), most frequent first.</summary>
    public required IReadOnlyList<Count> MessageIntents { get; init; }

    public required int PromisesKept { get; init; }

    public required int PromisesBroken { get; init; }

    /// <summary>Kept ÷ (kept + broken), null before any promise or agreement was settled.</summary>
    public decimal? PromiseKeptRate => PromisesKept + PromisesBroken == 0 ? null : Math.Round((decimal)PromisesKept / (PromisesKept + PromisesBroken), 4);

    /// <summary>Per ladder stage reached and currency: invoices, principal, paid, and the share recovered.</summary>
    public required IReadOnlyList<StageRecovery> Recovery { get; init; }

    /// <summary>Objections grouped by meaning: how many debtors raised each (once per debtor), most frequent first.</summary>
    public IReadOnlyList<ObjectionGroup> ObjectionGroups { get; init; } = [];

    /// <summary>Per month (yyyy-MM) and group, how many debtors raised it that month; oldest month first.</summary>
    public IReadOnlyList<MonthCount> ObjectionTrend { get; init; } = [];

    /// <summary>Agreements by the ladder stage their invoices had reached when they were made: kept, broken, still running.</summary>
    public IReadOnlyList<PromiseReliability> PromisesByStage { get; init; } = [];

    /// <summary>What each ladder stage brought in: payments booked in the claim ledger while that stage was the latest sent.</summary>
    public IReadOnlyList<StageYield> Yield { get; init; } = [];
}

/// <summary>A group of objections (see <see cref="ObjectionMeaning"/>), the debtors who raised it and their share of its family.</summary>
public sealed record ObjectionGroup(string Group, int Debtors, int FamilyTotal)
{
    public decimal Share => FamilyTotal == 0 ? 0m : Math.Round((decimal)Debtors / FamilyTotal, 4);

    public bool IsDispute => Group.StartsWith(ObjectionMeaning.DisputePrefix, StringComparison.Ordinal);
}

public sealed record MonthCount(string Month, string Group, int Debtors);

public sealed record PromiseReliability(int Stage, string? StageKey, int Kept, int Broken, int Running)
{
    /// <summary>Kept ÷ (kept + broken), null while none was settled.</summary>
    public decimal? KeptRate => Kept + Broken == 0 ? null : Math.Round((decimal)Kept / (Kept + Broken), 4);
}

/// <summary>Payments while <see cref="Stage"/> was the latest reminder (0: before any), and the invoices they settled.</summary>
public sealed record StageYield(int Stage, string? StageKey, string Currency, int Payments, decimal Recovered, int Settled);

public sealed record Count(string Name, int Value);

public sealed record StageRecovery(int Stage, string? StageKey, string Currency, int Invoices, int PaidInFull, decimal Principal, decimal Paid)
{
    public decimal RecoveredShare => Principal == 0m ? 0m : Math.Round(Math.Min(Paid, Principal) / Principal, 4);
}

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
}

public sealed record Count(string Name, int Value);

public sealed record StageRecovery(int Stage, string? StageKey, string Currency, int Invoices, int PaidInFull, decimal Principal, decimal Paid)
{
    public decimal RecoveredShare => Principal == 0m ? 0m : Math.Round(Math.Min(Paid, Principal) / Principal, 4);
}

namespace Dunning.Bot.Core.Policies;

/// <summary>
/// A stage of the ladder as the policy sees it. <see cref="Number"/> is 1-based and is what
/// <see cref="Domain.DunningCase.Stages"/> stores (0 = nothing sent yet).
/// </summary>
public sealed record DunningStage(
    int Number,
    string Key,
    int OffsetDays,
    int NewDeadlineDays,
    decimal ConsumerFee,
    decimal BusinessFee,
    bool FeeOncePerInvoice,
    bool DiscountOfferAllowed,
    bool EscalateToOwner,
    bool NotifyDebtor)
{
    /// <summary>The stage puts the debtor in default (Verzug): like a fee or an escalation, only after a reminder that arrived.</summary>
    public bool StartsDefault { get; init; }

    /// <summary>
    /// Whether the stage may only follow a reminder that was delivered: it starts default, adds a fee for this kind of
    /// debtor, or escalates. A reminder nobody received has no legal effect (kein Zugang), so nothing may build on it.
    /// </summary>
    public bool RequiresDelivery(Domain.DebtorKind kind) =>
        StartsDefault || EscalateToOwner || (kind == Domain.DebtorKind.Consumer ? ConsumerFee : BusinessFee) > 0m;
}

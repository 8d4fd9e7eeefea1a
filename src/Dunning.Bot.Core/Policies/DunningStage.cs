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
    bool NotifyDebtor);

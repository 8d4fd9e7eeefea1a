namespace Dunning.Bot.Core.Policies;

/// <summary>The limits that apply to one negotiation after merging defaults, debtor and invoice overrides.</summary>
public sealed record EffectiveLimits(
    int MaxDeferralDays,
    int MaxInstalments,
    decimal MinInstalmentAmount,
    int MaxPlanDays,
    int FirstInstalmentWithinDays,
    int InstalmentEveryMonths,
    decimal MaxDiscountPercent,
    int DiscountValidDays,
    IReadOnlyList<string> DiscountStages,
    int MaxAgreementsPerInvoice,
    decimal ApprovalThresholdAmount)
{
    /// <summary>What reminders offer on their own at the discount stages.</summary>
    public LastOfferKind LastOffer { get; init; } = LastOfferKind.Discount;

    /// <summary>These limits with the override's non-null members applied.</summary>
    public EffectiveLimits With(NegotiationLimitsOverride? o) => o is null ? this : new(
        o.MaxDeferralDays ?? MaxDeferralDays,
        o.MaxInstalments ?? MaxInstalments,
        o.MinInstalmentAmount ?? MinInstalmentAmount,
        o.MaxPlanDays ?? MaxPlanDays,
        o.FirstInstalmentWithinDays ?? FirstInstalmentWithinDays,
        InstalmentEveryMonths,
        o.MaxDiscountPercent ?? MaxDiscountPercent,
        o.DiscountValidDays ?? DiscountValidDays,
        o.DiscountStages ?? DiscountStages,
        o.MaxAgreementsPerInvoice ?? MaxAgreementsPerInvoice,
        o.ApprovalThresholdAmount ?? ApprovalThresholdAmount)
    {
        LastOffer = o.LastOffer ?? LastOffer,
    };

    /// <summary>The stricter of two limit sets, member by member (used when several invoices carry overrides).</summary>
    public EffectiveLimits Strictest(EffectiveLimits other) => new(
        Math.Min(MaxDeferralDays, other.MaxDeferralDays),
        Math.Min(MaxInstalments, other.MaxInstalments),
        Math.Max(MinInstalmentAmount, other.MinInstalmentAmount),
        Math.Min(MaxPlanDays, other.MaxPlanDays),
        Math.Min(FirstInstalmentWithinDays, other.FirstInstalmentWithinDays),
        InstalmentEveryMonths,
        Math.Min(MaxDiscountPercent, other.MaxDiscountPercent),
        Math.Min(DiscountValidDays, other.DiscountValidDays),
        DiscountStages.Count == 0 ? other.DiscountStages : other.DiscountStages.Count == 0 ? DiscountStages : [.. DiscountStages.Intersect(other.DiscountStages)],
        Math.Min(MaxAgreementsPerInvoice, other.MaxAgreementsPerInvoice),
        Math.Min(ApprovalThresholdAmount, other.ApprovalThresholdAmount))
    {
        LastOffer = LastOffer == other.LastOffer ? LastOffer : LastOfferKind.None,
    };
}

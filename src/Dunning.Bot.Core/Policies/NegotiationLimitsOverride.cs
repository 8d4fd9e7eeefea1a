namespace Dunning.Bot.Core.Policies;

/// <summary>Per-debtor or per-invoice changes to <see cref="NegotiationLimitsOptions"/>; a null member keeps the inherited value.</summary>
public sealed class NegotiationLimitsOverride
{
    public int? MaxDeferralDays { get; set; }

    public int? MaxInstalments { get; set; }

    public decimal? MinInstalmentAmount { get; set; }

    public int? MaxPlanDays { get; set; }

    public int? FirstInstalmentWithinDays { get; set; }

    public decimal? MaxDiscountPercent { get; set; }

    public int? DiscountValidDays { get; set; }

    public List<string>? DiscountStages { get; set; }

    public LastOfferKind? LastOffer { get; set; }

    public int? MaxAgreementsPerInvoice { get; set; }

    public decimal? ApprovalThresholdAmount { get; set; }
}

namespace Dunning.Bot.Core.Policies;

/// <summary>
/// The owner's limits for what the bot may agree to on its own. Bound from <see cref="SectionName"/>; overridable per
/// debtor and per invoice through <see cref="Overrides"/>. Amounts are in the invoice's currency.
/// </summary>
public sealed class NegotiationLimitsOptions
{
    public const string SectionName = "Dunning:Negotiation";

    /// <summary>A deferral may move the payment date at most this many days past the current deadline (default 30; 0 = no deferrals).</summary>
    public int MaxDeferralDays { get; set; } = 30;

    /// <summary>Most instalments in a plan (default 6; below 2 = no instalment plans).</summary>
    public int MaxInstalments { get; set; } = 6;

    /// <summary>Smallest instalment, in the invoice currency (default 50, meant as EUR; see <see cref="MinInstalmentAmountByCurrency"/>).</summary>
    public decimal MinInstalmentAmount { get; set; } = 50m;

    /// <summary>Per-currency smallest instalment replacing <see cref="MinInstalmentAmount"/>, e.g. <c>{ "JPY": 8000 }</c> (default none).</summary>
    public Dictionary<string, decimal> MinInstalmentAmountByCurrency { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The last instalment is due at most this many days after the negotiation day (default 180).</summary>
    public int MaxPlanDays { get; set; } = 180;

    /// <summary>The first instalment is due at most this many days after the negotiation day (default 14).</summary>
    public int FirstInstalmentWithinDays { get; set; } = 14;

    /// <summary>Months between two instalments (default 1: monthly, same day of the month, clamped to the month's end).</summary>
    public int InstalmentEveryMonths { get; set; } = 1;

    /// <summary>Largest early-payment discount in percent (default 3; 0 = no discount offers).</summary>
    public decimal MaxDiscountPercent { get; set; } = 3m;

    /// <summary>A discount offer holds for this many days (default 7).</summary>
    public int DiscountValidDays { get; set; } = 7;

    /// <summary>Ladder stage keys at which the discount may be offered; empty (default) = the stages whose DiscountOfferAllowed is set.</summary>
    public List<string> DiscountStages { get; set; } = [];

    /// <summary>
    /// The offer reminders make on their own at the discount stages (default <see cref="LastOfferKind.Discount"/>):
    /// the discount with its exact amount and date, or a deferral; <see cref="LastOfferKind.None"/> = no proactive offer.
    /// It lapses after <see cref="DiscountValidDays"/> (a working day).
    /// </summary>
    public LastOfferKind LastOffer { get; set; } = LastOfferKind.Discount;

    /// <summary>At most this many automatic agreements per invoice; more need a person (default 2).</summary>
    public int MaxAgreementsPerInvoice { get; set; } = 2;

    /// <summary>Amounts above this always need a person (default 5000, in the invoice currency; see <see cref="ApprovalThresholdByCurrency"/>).</summary>
    public decimal ApprovalThresholdAmount { get; set; } = 5000m;

    /// <summary>Per-currency approval threshold replacing <see cref="ApprovalThresholdAmount"/> (default none).</summary>
    public Dictionary<string, decimal> ApprovalThresholdByCurrency { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public NegotiationOverrides Overrides { get; set; } = new();

    /// <summary>Every problem with these options, one sentence each; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        Check(problems, "", new NegotiationLimitsOverride
        {
            MaxDeferralDays = MaxDeferralDays, MaxInstalments = MaxInstalments, MinInstalmentAmount = MinInstalmentAmount,
            MaxPlanDays = MaxPlanDays, FirstInstalmentWithinDays = FirstInstalmentWithinDays, MaxDiscountPercent = MaxDiscountPercent,
            DiscountValidDays = DiscountValidDays, MaxAgreementsPerInvoice = MaxAgreementsPerInvoice, ApprovalThresholdAmount = ApprovalThresholdAmount,
        });
        if (InstalmentEveryMonths is < 1 or > 12)
            problems.Add($"{SectionName}:InstalmentEveryMonths must be between 1 and 12 (is {InstalmentEveryMonths}).");
        foreach (var (currency, amount) in MinInstalmentAmountByCurrency.Concat(ApprovalThresholdByCurrency).Where(kv => kv.Value < 0m || !Domain.Currency.IsKnown(kv.Key.ToUpperInvariant())))
            problems.Add($"{SectionName}: per-currency amount {currency} = {amount} needs a known ISO code and a non-negative amount.");
        foreach (var (id, o) in Overrides.Debtors)
            Check(problems, $":Overrides:Debtors:{id}", o);
        foreach (var (number, o) in Overrides.Invoices)
            Check(problems, $":Overrides:Invoices:{number}", o);
        return problems;
    }

    private static void Check(List<string> problems, string path, NegotiationLimitsOverride o)
    {
        void Need(bool ok, string what)
        {
            if (!ok)
                problems.Add($"{SectionName}{path}: {what}.");
        }

        Need(o.MaxDeferralDays is null or (>= 0 and <= 3650), "MaxDeferralDays must be between 0 and 3650");
        Need(o.MaxInstalments is null or (>= 0 and <= 120), "MaxInstalments must be between 0 and 120");
        Need(o.MinInstalmentAmount is null or >= 0m, "MinInstalmentAmount must not be negative");
        Need(o.MaxPlanDays is null or (>= 0 and <= 3650), "MaxPlanDays must be between 0 and 3650");
        Need(o.FirstInstalmentWithinDays is null or (>= 0 and <= 365), "FirstInstalmentWithinDays must be between 0 and 365");
        Need(o.MaxDiscountPercent is null or (>= 0m and < 100m), "MaxDiscountPercent must be between 0 and 100");
        Need(o.DiscountValidDays is null or (>= 0 and <= 365), "DiscountValidDays must be between 0 and 365");
        Need(o.MaxAgreementsPerInvoice is null or >= 0, "MaxAgreementsPerInvoice must not be negative");
        Need(o.ApprovalThresholdAmount is null or >= 0m, "ApprovalThresholdAmount must not be negative");
    }
}

namespace Dunning.Bot.Core.Claims;

/// <summary>
/// How the claim per invoice is computed: when default starts (§286 BGB), how payments are allocated (§367 BGB) and
/// which residue is waived. Bound from <see cref="SectionName"/>.
/// </summary>
public sealed class ClaimOptions
{
    public const string SectionName = "Dunning";

    /// <summary>Payment allocation (default <see cref="ClaimAllocation.Statutory"/>: costs, interest, principal).</summary>
    public ClaimAllocation Allocation { get; set; } = ClaimAllocation.Statutory;

    /// <summary>
    /// A residue of at most this amount left after a payment is written off automatically and audited (0 = off, the
    /// default). Typical: 1.00 for cent differences and the interest of a day or two.
    /// </summary>
    public decimal WaiveBelow { get; set; }

    /// <summary>
    /// True when the owner's due dates are agreed calendar dates (terms signed with the contract, §286(2) Nr. 1 BGB), so
    /// default starts the day after the due date. A date set only on the invoice is not enough (default false).
    /// An invoice's own <c>DueDateAgreed</c> wins.
    /// </summary>
    public bool DueDatesAreAgreed { get; set; }

    /// <summary>
    /// True when the owner's invoices to consumers carry the §286(3) notice ("Sie kommen spätestens 30 Tage nach Fälligkeit
    /// und Zugang dieser Rechnung in Verzug"), default false. An invoice's own <c>DefaultNotice</c> wins.
    /// </summary>
    public bool InvoicesCarryDefaultNotice { get; set; }

    /// <summary>Days from the issue date until the invoice is taken as received (default 3: post; 0 for e-mail).</summary>
    public int InvoiceReceiptDays { get; set; } = 3;

    /// <summary>Every problem with these options, one sentence each; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (!Enum.IsDefined(Allocation))
            problems.Add($"{SectionName}:Allocation '{Allocation}' is unknown: use Statutory or PrincipalFirst.");
        if (WaiveBelow is < 0m or > 100m)
            problems.Add($"{SectionName}:WaiveBelow must be between 0 and 100 (is {WaiveBelow}).");
        if (InvoiceReceiptDays is < 0 or > 30)
            problems.Add($"{SectionName}:InvoiceReceiptDays must be between 0 and 30 (is {InvoiceReceiptDays}).");
        return problems;
    }
}

namespace Dunning.Bot.Core.Policies;

/// <summary>
/// Overrides keyed by debtor id and by invoice number (two maps, because configuration keys cannot carry a prefix).
/// Invoice overrides win over debtor overrides, which win over the defaults.
/// </summary>
public sealed class NegotiationOverrides
{
    public Dictionary<string, NegotiationLimitsOverride> Debtors { get; set; } = new(StringComparer.Ordinal);

    public Dictionary<string, NegotiationLimitsOverride> Invoices { get; set; } = new(StringComparer.Ordinal);
}

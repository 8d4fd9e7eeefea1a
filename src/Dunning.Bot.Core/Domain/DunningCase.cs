namespace Dunning.Bot.Core.Domain;

/// <summary>
/// The collection case of one debtor: each open invoice's stage on the dunning ladder, when the
/// next action is due (<see cref="NextActionAt"/>, indexed: the sweep asks the store for due cases),
/// and the full history. One case per debtor; the debtor id is the case id.
/// </summary>
public sealed class DunningCase
{
    public required string DebtorId { get; init; }

    /// <summary>Ladder stage reached per invoice number (0 = nothing sent yet).</summary>
    public Dictionary<string, int> Stages { get; init; } = new(StringComparer.Ordinal);

    /// <summary>When the scheduler should look at this case next; null when nothing is pending.</summary>
    public DateTimeOffset? NextActionAt { get; set; }

    public DateTimeOffset? LastContactAt { get; set; }

    public List<CaseAction> History { get; init; } = [];

    /// <summary>Optimistic concurrency: incremented by the store on every write.</summary>
    public int Version { get; set; }

    public int StageOf(string invoiceNumber) => Stages.GetValueOrDefault(invoiceNumber);

    /// <summary>Moves an invoice to a later stage; the ladder never goes back.</summary>
    public void Advance(string invoiceNumber, int stage)
    {
        if (stage < StageOf(invoiceNumber))
            throw new DomainException($"Invoice {invoiceNumber}: stage {stage} is before the current stage {StageOf(invoiceNumber)}.");
        Stages[invoiceNumber] = stage;
    }

    public void Record(CaseAction action) => History.Add(action);
}

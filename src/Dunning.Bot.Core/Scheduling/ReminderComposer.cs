using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Messages;
using Dunning.Bot.Core.Policies;
using Dunning.Bot.Core.Statements;

namespace Dunning.Bot.Core.Scheduling;

/// <summary>
/// Renders one reminder covering several invoices from <c>dialogs/reminder.&lt;lang&gt;.yaml</c>: the wording of the
/// highest stage, a line per invoice from its statement as the reminder takes it to its new stage (open principal, open
/// interest, open fees and the open claim they add up to) and totals per currency. Wording keys are the ladder's stage keys with dots and dashes as underscores
/// (<c>reminder.friendly</c> → <c>reminder_friendly</c>), because catalogue keys are lower case with <c>_</c>.
/// Template variables: <c>name</c>, <c>invoices</c> (each: <c>number</c>, <c>issue_date</c>, <c>due_date</c>, <c>open</c>,
/// <c>interest</c>, <c>fees</c>, <c>amount_due</c>, <c>stage</c>), <c>totals</c> (Money per currency), <c>deadline</c>,
/// <c>has_interest</c>, <c>has_fees</c>.
/// </summary>
public sealed class ReminderComposer(MessageCatalogue catalogue, DunningLadder ladder, InvoiceStatements statements)
{
    public const string Dialog = "reminder";

    /// <summary>The catalogue key for a ladder stage key.</summary>
    public static string MessageKey(string stageKey)
    {
        ArgumentNullException.ThrowIfNull(stageKey);
        return stageKey.Trim().ToLowerInvariant().Replace('.', '_').Replace('-', '_');
    }

    /// <summary>Ladder stages that message the debtor but have no wording in one of <paramref name="languages"/> (checked at start-up).</summary>
    public IReadOnlyList<string> MissingWording(IEnumerable<string> languages) =>
        [.. from stage in ladder.Stages
            where stage.NotifyDebtor
            from language in languages
            where !catalogue.HasMessage(Dialog, MessageKey(stage.Key), language)
            select $"dialogs/{Dialog}.{language}.yaml has no message '{MessageKey(stage.Key)}' for ladder stage '{stage.Key}'."];

    /// <summary>
    /// The text for <paramref name="lines"/> (each invoice with the stage the message takes it to), stating
    /// <paramref name="deadline"/>, with the claims as of <paramref name="now"/> (<paramref name="today"/> is the debtor's local date).
    /// </summary>
    public string Compose(Debtor debtor, DunningCase? dunningCase, IReadOnlyList<(Invoice Invoice, int Stage)> lines, DateOnly deadline,
        DateTimeOffset now, DateOnly today, string language)
    {
        ArgumentNullException.ThrowIfNull(debtor);
        ArgumentNullException.ThrowIfNull(lines);
        if (lines.Count == 0)
            throw new ArgumentException("A reminder needs at least one invoice.", nameof(lines));
        var top = lines.Max(l => l.Stage);
        var stage = ladder.Stage(top) ?? throw new ArgumentException($"Stage {top} is not on the ladder.", nameof(lines));
        var rows = new List<Dictionary<string, object?>>(lines.Count);
        var totals = new Dictionary<string, Money>(StringComparer.Ordinal);
        var hasInterest = false;
        var hasFees = false;
        foreach (var (invoice, invoiceStage) in lines.OrderBy(l => l.Invoice.DueDate).ThenBy(l => l.Invoice.Number, StringComparer.Ordinal))
        {
            var claim = statements.Describe(invoice, debtor, dunningCase, now, today, invoiceStage).Claim;
            var (accrued, fees, due) = (claim.OpenInterest, claim.OpenFees, claim.Open);
            hasInterest |= accrued.IsPositive;
            hasFees |= fees.IsPositive;
            totals[invoice.Currency] = totals.TryGetValue(invoice.Currency, out var sum) ? sum + due : due;
            rows.Add(new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["number"] = invoice.Number,
                ["issue_date"] = invoice.IssueDate,
                ["due_date"] = invoice.DueDate,
                ["open"] = claim.OpenPrincipal,
                ["interest"] = accrued,
                ["fees"] = fees,
                ["amount_due"] = due,
                ["stage"] = invoiceStage,
            });
        }
        var model = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["name"] = debtor.Name,
            ["invoices"] = rows,
            ["totals"] = totals.Values.OrderBy(m => m.Currency, StringComparer.Ordinal).ToList(),
            ["deadline"] = deadline,
            ["has_interest"] = hasInterest,
            ["has_fees"] = hasFees,
        };
        // Stable per debtor and stage: a retried or re-rendered reminder reads the same.
        return catalogue.Render(Dialog, MessageKey(stage.Key), language, model, Messages.VariantSeed.For(debtor.Id, top));
    }

    /// <summary>
    /// The text of a planned reminder <paramref name="entry"/>, rendered from its plan data (each item's stage and the
    /// stated deadline) for <paramref name="about"/> — the entry's invoices still to be named, as read now — with interest
    /// through <paramref name="today"/>. The planner stores no text for reminders; the dispatcher renders them here, so a
    /// message always shows the amounts of the moment it is sent.
    /// </summary>
    public string Compose(OutboxEntry entry, Debtor debtor, DunningCase? dunningCase, IReadOnlyList<Invoice> about, DateTimeOffset now, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(about);
        var stages = entry.Items.ToDictionary(i => i.InvoiceNumber, i => i.Stage, StringComparer.Ordinal);
        var lines = about.Where(i => stages.ContainsKey(i.Number)).Select(i => (i, stages[i.Number])).ToList();
        var deadline = entry.Items.Max(i => i.Deadline) ?? today;
        return Compose(debtor, dunningCase, lines, deadline, now, today, entry.Language);
    }
}

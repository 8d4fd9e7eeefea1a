using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Messages;
using Dunning.Bot.Core.Policies;
using Dunning.Bot.Core.Statements;

namespace Dunning.Bot.Core.Reminders;

/// <summary>
/// Renders one reminder covering several invoices from <c>dialogs/reminder.&lt;lang&gt;.yaml</c>: the wording of the
/// highest stage, a line per invoice and totals per currency, every figure from the invoice's statement
/// (<see cref="InvoiceStatements"/>: open principal, statutory interest to date, fees through its new stage, amount due).
/// The text mentions only what this debtor may ask for (<see cref="NegotiationLimits.LimitsFor(string, IReadOnlyList{string}, string)"/>:
/// a deferral, instalments) and, at the stages that allow it, makes the owner's "last offer"
/// (<see cref="NegotiationLimits.LastOffer"/>) with its exact amount and its working-day date; the caller records that
/// offer with the sent reminder (<see cref="StandingOffer.Record"/>).
/// Wording keys are the ladder's stage keys with dots and dashes as underscores (<c>reminder.friendly</c> →
/// <c>reminder_friendly</c>). Template variables: <c>name</c>, <c>invoices</c> (each: <c>number</c>, <c>issue_date</c>,
/// <c>due_date</c>, <c>open</c>, <c>interest</c>, <c>fees</c>, <c>amount_due</c>, <c>stage</c>), <c>totals</c> (Money per
/// currency), <c>deadline</c>, <c>has_interest</c>, <c>has_fees</c>, <c>can_defer</c>, <c>can_instalments</c>, <c>offer</c>
/// (nil, or <c>kind</c> discount/deferral, <c>percent</c>, <c>amount</c> Money to pay, <c>pay_by</c>, <c>valid_until</c>).
/// </summary>
public sealed class ReminderComposer(MessageCatalogue catalogue, DunningLadder ladder, InvoiceStatements statements, NegotiationLimits limits)
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
    /// The text of a planned reminder <paramref name="entry"/> and the offer it makes, rendered from its plan data (each
    /// item's stage and the stated deadline) for <paramref name="about"/> — the entry's invoices still to be named, as read
    /// at <paramref name="now"/> — with the case's stages (already advanced by the plan). The planner stores no text for
    /// reminders; the dispatcher renders them here, so a message always shows the amounts of the moment it is sent.
    /// </summary>
    public ComposedReminder Compose(OutboxEntry entry, Debtor debtor, DunningCase dunningCase, IReadOnlyList<Invoice> about, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(debtor);
        ArgumentNullException.ThrowIfNull(about);
        var stages = entry.Items.ToDictionary(i => i.InvoiceNumber, i => i.Stage, StringComparer.Ordinal);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, debtor.TimeZoneInfo).DateTime);
        var lines = about.Where(i => stages.ContainsKey(i.Number))
            .Select(i => (statements.Describe(i, debtor, dunningCase, now, today, stages[i.Number]), stages[i.Number])).ToList();
        var deadline = entry.Items.Max(i => i.Deadline) ?? today;
        return Compose(debtor, lines, deadline, today, entry.Language);
    }

    /// <summary>
    /// The text for <paramref name="lines"/> (each invoice's statement with the stage the message takes it to), stating
    /// <paramref name="deadline"/>, sent on <paramref name="today"/> (the debtor's local date), and the offer it makes.
    /// </summary>
    public ComposedReminder Compose(Debtor debtor, IReadOnlyList<(InvoiceStatement Statement, int Stage)> lines, DateOnly deadline, DateOnly today, string language)
    {
        ArgumentNullException.ThrowIfNull(debtor);
        ArgumentNullException.ThrowIfNull(lines);
        if (lines.Count == 0)
            throw new ArgumentException("A reminder needs at least one invoice.", nameof(lines));
        var top = lines.Max(l => l.Stage);
        var stage = ladder.Stage(top) ?? throw new ArgumentException($"Stage {top} is not on the ladder.", nameof(lines));
        var ordered = lines.OrderBy(l => l.Statement.Invoice.DueDate).ThenBy(l => l.Statement.Number, StringComparer.Ordinal).ToList();
        var totals = ordered.GroupBy(l => l.Statement.Due.Currency, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Select(l => l.Statement.Due).Aggregate((a, b) => a + b)).ToList();
        var numbers = ordered.Select(l => l.Statement.Number).ToList();
        var (canDefer, canInstalments) = Options(debtor, numbers, totals);
        var offer = totals.Count == 1 ? limits.LastOffer(new NegotiationContext
        {
            DebtorId = debtor.Id,
            Invoices = [.. ordered.Select(l => l.Statement.Invoice)],
            Today = today,
            CurrentDeadline = deadline,
            Amount = totals[0],
            StageKey = stage.Key,
            StageAllowsDiscount = stage.DiscountOfferAllowed,
            Country = debtor.Country,
            State = debtor.State,
        }) : null;
        var model = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["name"] = debtor.Name,
            ["address"] = DebtorAddress.For(catalogue, debtor, language),
            ["invoices"] = ordered.Select(l => Row(l.Statement, l.Stage)).ToList(),
            ["totals"] = totals,
            ["deadline"] = deadline,
            ["has_interest"] = ordered.Any(l => l.Statement.Claim.OpenInterest.IsPositive),
            ["has_fees"] = ordered.Any(l => l.Statement.Claim.OpenFees.IsPositive),
            ["can_defer"] = canDefer,
            ["can_instalments"] = canInstalments,
            ["offer"] = offer is null ? null : new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["kind"] = offer.Kind == AgreementKind.Discount ? "discount" : "deferral",
                ["percent"] = offer.DiscountPercent,
                ["amount"] = offer.Amount,
                ["pay_by"] = offer.LastDueDate,
                ["valid_until"] = offer.ValidUntil,
            },
        };
        // Stable per debtor and stage: a retried or re-rendered reminder reads the same.
        var text = catalogue.Render(Dialog, MessageKey(stage.Key), language, model, VariantSeed.For(debtor.Id, top));
        return new ComposedReminder(text, offer, numbers);
    }

    /// <summary>Whether this debtor may ask for a deferral and for instalments (per currency; any currency that allows it counts).</summary>
    private (bool Defer, bool Instalments) Options(Debtor debtor, IReadOnlyList<string> numbers, IReadOnlyList<Money> totals)
    {
        var (defer, instalments) = (false, false);
        foreach (var total in totals)
        {
            var effective = limits.LimitsFor(debtor.Id, numbers, total.Currency);
            defer |= effective.MaxDeferralDays > 0;
            instalments |= effective.MaxInstalments >= 2 && total.Amount >= 2 * effective.MinInstalmentAmount;
        }
        return (defer, instalments);
    }

    private static Dictionary<string, object?> Row(InvoiceStatement statement, int stage) => new(StringComparer.Ordinal)
    {
        ["number"] = statement.Number,
        ["issue_date"] = statement.Invoice.IssueDate,
        ["due_date"] = statement.Invoice.DueDate,
        ["open"] = statement.Claim.OpenPrincipal,
        ["interest"] = statement.Claim.OpenInterest,
        ["fees"] = statement.Claim.OpenFees,
        ["amount_due"] = statement.Due,
        ["stage"] = stage,
    };
}

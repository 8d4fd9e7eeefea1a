using Dunning.Bot.Core.Cases;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Messages;
using Dunning.Bot.Core.Ports;

namespace Dunning.Bot.Core.Reminders;

/// <summary>
/// The schedule's agreement follow-ups over <see cref="AgreementFollowUp"/>, worded from <c>dialogs/follow_up.*.yaml</c>.
/// An agreement is first checked the day after its first due date (in the debtor's zone), then the day after each later
/// one. What the debtor hears: <c>kept</c> — one thank-you when the whole agreement is kept (an instalment paid on time
/// is not thanked for: a message per instalment is noise); <c>missed</c> — a first break while the plan goes on;
/// <c>broken</c> — a first break that ends it (a promise, or the last instalment), dunning resumes; <c>escalated</c> —
/// the second break for the same invoices: the owner is asked (once), the debtor told a colleague will be in touch,
/// and the agreement ends there.
/// A promise paid early is thanked for on its check day, not at once, so the thank-you comes on a predictable day.
/// </summary>
public sealed class AgreementFollowUps(IAgreementStore agreements, AgreementFollowUp followUp, MessageCatalogue catalogue) : IAgreementFollowUps
{
    public const string Dialog = "follow_up";

    /// <summary>The wording keys, one per outcome.</summary>
    public static readonly IReadOnlyList<string> MessageKeys = ["kept", "missed", "broken", "escalated"];

    public async Task<IReadOnlyList<PaymentAgreement>> ListRunningAsync(IReadOnlyCollection<string> debtorIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(debtorIds);
        if (debtorIds.Count == 0)
            return [];
        if (debtorIds.Count == 1)
            return [.. (await agreements.ListByDebtorAsync(debtorIds.First(), cancellationToken)).Where(a => a.State == AgreementState.Active)];
        // Running agreements are few next to a page of debtors: one indexed read by state beats a read per debtor.
        var wanted = debtorIds as IReadOnlySet<string> ?? debtorIds.ToHashSet(StringComparer.Ordinal);
        return [.. (await agreements.ListByStateAsync(AgreementState.Active, cancellationToken)).Where(a => wanted.Contains(a.DebtorId))];
    }

    public async Task<FollowUpPlan> PlanAsync(FollowUpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var due = new List<FollowUpDue>();
        DateOnly? next = null;
        var running = request.Running
            .Where(a => a.State == AgreementState.Active && a.DebtorId == request.Debtor.Id && a.Schedule.Count > 0)
            .OrderBy(a => a.CreatedAt).ThenBy(a => a.Id, StringComparer.Ordinal);
        foreach (var agreement in running)
        {
            var firstCheck = agreement.Schedule.Min(i => i.DueDate).AddDays(1);
            if (request.Today < firstCheck)
            {
                next = Earlier(next, firstCheck);
                continue;
            }
            var (result, outcome) = await followUp.ConsiderAsync(agreement, request.Invoices, request.Today, cancellationToken);
            if (outcome is null || !outcome.Ends)
                next = Earlier(next, result.NextCheck);
            if (outcome is not null)
                due.Add(Due(request, agreement, result, outcome));
        }
        return due.Count == 0 && next is null ? FollowUpPlan.None : new FollowUpPlan(due, next);
    }

    public Task ApplyAsync(FollowUpDue due, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(due);
        return followUp.ApplyAsync(due.Agreement, due.Outcome, cancellationToken);
    }

    public Task HoldAsync(FollowUpDue due, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(due);
        return followUp.EscalateAsync(due.Agreement, due.Outcome, cancellationToken);
    }

    private FollowUpDue Due(FollowUpRequest request, PaymentAgreement agreement, FollowUpResult result, FollowUpOutcome outcome)
    {
        var (key, messageKey) = outcome.Action switch
        {
            FollowUpAction.Kept => ("kept", "kept"),
            FollowUpAction.Escalated => ($"break{outcome.Breaks}", "escalated"),
            _ => ($"break{outcome.Breaks}", outcome.Ends ? "broken" : "missed"),
        };
        var upcoming = agreement.Schedule.FirstOrDefault(i => i.DueDate >= request.Today);
        var model = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["name"] = request.Debtor.Name,
            ["address"] = DebtorAddress.For(catalogue, request.Debtor, request.Language),
            ["invoices"] = string.Join(", ", agreement.InvoiceNumbers),
            ["count"] = agreement.InvoiceNumbers.Count,
            ["plan"] = agreement.Schedule.Count > 1,
            ["total"] = new Money(agreement.Amount, agreement.Currency),
            ["shortfall"] = new Money(result.Shortfall, agreement.Currency),
            ["missed"] = result.Missed,
            ["last_due"] = agreement.Schedule.Max(i => i.DueDate),
            ["next_due"] = upcoming?.DueDate,
            ["next_amount"] = upcoming is null ? null : new Money(upcoming.Amount, agreement.Currency),
        };
        // Seeded by agreement and outcome: a re-planned (deferred) message reads the same.
        var text = catalogue.Render(Dialog, messageKey, request.Language, model, VariantSeed.For(agreement.Id, outcome.Breaks));
        return new FollowUpDue(agreement, outcome, $"{OutboxKinds.FollowUp}:{agreement.Id}:{key}", messageKey, text);
    }

    private static DateOnly? Earlier(DateOnly? a, DateOnly? b) => a is null ? b : b is null ? a : a < b ? a : b;
}

using Dunning.Bot.Core.Domain;

namespace Dunning.Bot.Core.Scheduling;

/// <summary>
/// The planner's call site for agreement follow-ups (issue 7, item 7): promised dates and instalment due dates checked
/// the day after — a thank-you for a kept promise, a follow-up for a broken one, an escalation for a second break. The
/// implementation owns the agreement states and wording; the planner sends what it returns through the outbox, under the
/// same contact rules as reminders, and asks again on <see cref="FollowUpPlan.NextCheck"/>.
/// </summary>
public interface IAgreementFollowUps
{
    Task<FollowUpPlan> PlanAsync(Debtor debtor, string language, DateTimeOffset now, CancellationToken cancellationToken);
}

/// <summary>Messages due now (each with its own idempotency key) and the next day worth checking.</summary>
public sealed record FollowUpPlan(IReadOnlyList<FollowUpMessage> Messages, DateOnly? NextCheck)
{
    public static readonly FollowUpPlan None = new([], null);
}

/// <summary>A rendered follow-up; <see cref="Key"/> is unique per agreement and checked date (e.g. <c>follow_up:A-7@2026-03-02</c>).</summary>
public sealed record FollowUpMessage(string Key, string MessageKey, string Text, IReadOnlyList<string> InvoiceNumbers);

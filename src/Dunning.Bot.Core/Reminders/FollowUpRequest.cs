using Dunning.Bot.Core.Domain;

namespace Dunning.Bot.Core.Reminders;

/// <summary>
/// What a follow-up check works on: the debtor, the language of the chat messages go to, the debtor's local date, the
/// debtor's running agreements and invoices (as the planner loaded them).
/// </summary>
public sealed record FollowUpRequest(Debtor Debtor, string Language, DateOnly Today, IReadOnlyList<PaymentAgreement> Running,
    IReadOnlyList<Invoice> Invoices);

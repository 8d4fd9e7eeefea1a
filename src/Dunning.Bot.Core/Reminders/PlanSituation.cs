using Dunning.Bot.Core.Domain;

namespace Dunning.Bot.Core.Reminders;

/// <summary>Everything one step of the <see cref="ReminderPlanner"/> works on, and what is to happen once its write has landed.</summary>
internal sealed record PlanSituation(Debtor Debtor, DunningCase Case, IReadOnlyList<Invoice> Invoices, DateTimeOffset Now, DateOnly Today,
    ConversationLink? Target, bool StaffOwns, string Language, IReadOnlyList<string> Escalated, PlanBuffer? Buffer)
{
    private List<Func<CancellationToken, Task>>? afterWrite;

    /// <summary>Actions to run once the write landed (created on first use: most steps have none).</summary>
    public IReadOnlyList<Func<CancellationToken, Task>> AfterWrite => afterWrite ?? [];

    public void AfterWriteDo(Func<CancellationToken, Task> action) => (afterWrite ??= []).Add(action);

    /// <summary>Agreement state changes after the write (invoices may resume): look at the case again soon.</summary>
    public bool RecheckSoon { get; set; }

    /// <summary>The outbox entry of a message to <see cref="Target"/> in the step's language, due at once.</summary>
    public OutboxEntry Entry(string key, string kind, string messageKey, string text, IReadOnlyList<OutboxItem> items) => new()
    {
        Key = key,
        DebtorId = Debtor.Id,
        Kind = kind,
        Channel = Target!.Channel,
        ConversationKey = Target.Key,
        Language = Language,
        MessageKey = messageKey,
        Text = text,
        Items = items,
        CreatedAt = Now,
        NextAttemptAt = Now,
    };
}

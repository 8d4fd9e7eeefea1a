namespace Dunning.Bot.Core.Policies;

/// <summary>
/// The verdict on a <see cref="ContactRequest"/>. <see cref="Reason"/> is a short stable code printed by the simulate
/// verb and kept in case history: <c>ok</c>, <c>quiet_hours</c>, <c>sunday</c>, <c>saturday</c>, <c>holiday:&lt;name&gt;</c>,
/// <c>cap_7_days</c>, <c>min_gap</c>, <c>opted_out</c>, <c>no_address</c>, <c>address_dead</c>, <c>staff_owns</c>,
/// <c>invoice_paid</c>, <c>invoice_disputed</c>, <c>invoice_paused</c>, <c>invoice_written_off</c>, <c>no_window</c>.
/// <see cref="Excluded"/> lists invoices dropped from the message (not dunnable now) with their reason; when every
/// invoice is excluded the decision is <see cref="ContactDecisionKind.Suppressed"/>. <see cref="Until"/> carries the
/// debtor's local UTC offset, so its wall-clock reading is the debtor's.
/// </summary>
public sealed record ContactDecision(ContactDecisionKind Kind, string Reason, DateTimeOffset? Until, IReadOnlyList<(string Invoice, string Reason)> Excluded)
{
    public const string Ok = "ok";

    public bool IsAllowed => Kind == ContactDecisionKind.Allowed;

    public static ContactDecision Allowed(IReadOnlyList<(string, string)> excluded) => new(ContactDecisionKind.Allowed, Ok, null, excluded);

    public static ContactDecision Suppressed(string reason, IReadOnlyList<(string, string)>? excluded = null) =>
        new(ContactDecisionKind.Suppressed, reason, null, excluded ?? []);

    public static ContactDecision Deferred(DateTimeOffset until, string reason, IReadOnlyList<(string, string)> excluded) =>
        new(ContactDecisionKind.Deferred, reason, until, excluded);

    public override string ToString() => Kind switch
    {
        ContactDecisionKind.Deferred => $"deferred until {Until:yyyy-MM-dd'T'HH:mm:sszzz} ({Reason})",
        _ => $"{Kind.ToString().ToLowerInvariant()} ({Reason})",
    };
}

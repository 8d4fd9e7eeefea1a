using System.Text;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Policies;

namespace Dunning.Bot.Staff.Wording;

public sealed partial class ConsoleWords
{
    /// <summary>
    /// A status, reason, state, kind or intent as words: key <c>&lt;enum&gt;_&lt;value&gt;</c> in snake case
    /// (<c>escalation_reason_request_human</c>, <c>invoice_status_partially_paid</c>). A value without a label (added
    /// to the code after the file) reads as its name in lower case words rather than breaking the page.
    /// </summary>
    public string Word<TEnum>(TEnum value) where TEnum : struct, Enum => Label(WordKey(value), value.ToString());

    /// <summary>The key <see cref="Word{TEnum}"/> looks up.</summary>
    public static string WordKey<TEnum>(TEnum value) where TEnum : struct, Enum => $"{Snake(typeof(TEnum).Name)}_{Snake(value.ToString())}";

    /// <summary>A channel by name ("Web-Chat", "Telegram", "Teams", "E-Mail"); an unknown id as it is.</summary>
    public string Channel(string? channel) => channel is null ? "—" : Label($"channel_{Snake(channel)}", channel);

    /// <summary>
    /// A ladder stage as the owner's playbook names it ("Freundliche Erinnerung"); key <c>stage_&lt;key&gt;</c> with
    /// <c>.</c> and <c>-</c> as <c>_</c>; a stage the file does not name reads "Stufe 3"; 0 reads "noch keine".
    /// </summary>
    public string Stage(int number, DunningLadder? ladder)
    {
        if (number <= 0)
            return this["stage_none"];
        var key = ladder?.Stage(number)?.Key;
        return key is not null && Has(StageKey(key)) ? this[StageKey(key)] : Format("stage_number", new { number });
    }

    /// <summary>The key <see cref="Stage"/> looks up for a ladder key (<c>reminder.friendly</c> → <c>stage_reminder_friendly</c>).</summary>
    public static string StageKey(string ladderKey) => "stage_" + Snake(ladderKey.Replace('.', '_').Replace('-', '_'));

    /// <summary>A case history entry's kind (<see cref="CaseActionKinds"/>) as words.</summary>
    public string HistoryKind(string kind) => Label($"history_{Snake(kind)}", kind);

    /// <summary>An audit log action (<c>approve-deal</c>, <c>export-pdf</c>) as words.</summary>
    public string AuditAction(string action) => Label($"audit_{Snake(action.Replace('-', '_'))}", action);

    /// <summary>
    /// A conversation named for people, not ids: "Web-Chat mit Erika Muster" (or "Web-Chat, nicht zugeordnet").
    /// </summary>
    public string Conversation(ConversationLink link, string? debtorName)
    {
        ArgumentNullException.ThrowIfNull(link);
        return debtorName is null
            ? Format("conversation_unlinked", new { channel = Channel(link.Channel) })
            : Format("conversation_with", new { channel = Channel(link.Channel), name = debtorName });
    }

    /// <summary>"noch 2 Std. 15 Min." or "seit 40 Min. überfällig" from <paramref name="now"/> to <paramref name="until"/>.</summary>
    public string TimeLeft(DateTimeOffset? until, DateTimeOffset now)
    {
        if (until is not { } end)
            return "—";
        var left = end - now;
        var span = left.Duration();
        var text = span.TotalDays >= 1 ? Format("span_days", new { days = (int)span.TotalDays, hours = span.Hours })
            : span.TotalHours >= 1 ? Format("span_hours", new { hours = (int)span.TotalHours, minutes = span.Minutes })
            : Format("span_minutes", new { minutes = span.Minutes });
        return Format(left < TimeSpan.Zero ? "time_overdue" : "time_left", new { span = text });
    }

    /// <summary>
    /// What an audit entry concerns, in words: "invoice RE-1" → "Rechnung RE-1", "conversation webchat/…" → "Gespräch im
    /// Web-Chat" (no conversation ids); an unknown kind of target as it is.
    /// </summary>
    public string AuditTarget(string target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var (kind, id) = target.StartsWith("case file ", StringComparison.Ordinal) ? ("case_file", target["case file ".Length..])
            : target.IndexOf(' ', StringComparison.Ordinal) is > 0 and var space ? (target[..space], target[(space + 1)..]) : (target, "");
        if (kind == "conversation")
            return Format("target_conversation", new { channel = Channel(id.Split('/')[0]) });
        return Has($"target_{kind}") ? Format($"target_{kind}", new { id }) : target;
    }

    /// <summary>
    /// What an escalation is about: the debtor's own words where the reason carries them (a request for a person, a
    /// dispute, hardship, a message not understood); otherwise the invoices concerned — the bot's own notes are English
    /// records and stay in the case file.
    /// </summary>
    public string Detail(Escalation escalation)
    {
        ArgumentNullException.ThrowIfNull(escalation);
        if (escalation.Reason is EscalationReason.RequestHuman or EscalationReason.Dispute or EscalationReason.Hardship or EscalationReason.NotUnderstood)
            return escalation.Detail ?? "";
        return escalation.InvoiceNumbers.Count == 0 ? "" : Format("escalation_invoices", new { numbers = string.Join(", ", escalation.InvoiceNumbers) });
    }

    private string Label(string key, string fallback) => Has(key) ? this[key] : Spaced(fallback);

    /// <summary>"RequestHuman" → "request_human"; "msteams" stays.</summary>
    internal static string Snake(string name)
    {
        var text = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c) && i > 0 && name[i - 1] != '_')
                text.Append('_');
            text.Append(char.ToLowerInvariant(c));
        }
        return text.ToString();
    }

    private static string Spaced(string name) => Snake(name).Replace('_', ' ').Replace('-', ' ');
}

using System.Globalization;
using System.Text;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Messages;
using Dunning.Bot.Core.Policies;

namespace Dunning.Bot.Staff.Wording;

/// <summary>
/// The console's words in one staff member's language: every label is a key in <c>dialogs/console.&lt;lang&gt;.yaml</c>
/// (<c>T["nav_cases"]</c>, <c>T.Format("cases_more", new { shown })</c>), money and dates in that language's culture,
/// times on the owner's clock (<c>Escalation:TimeZone</c>), and the words for statuses, reasons, stages and channels
/// (<see cref="Word{TEnum}"/>). One instance per request (see <see cref="ConsoleLanguage"/>); pages get it as <c>T</c>.
/// A piece of the console with many labels of its own may keep them in its own file pair
/// (<c>dialogs/console_bank.{de,en}.yaml</c>) and read them with <see cref="From"/>.
/// </summary>
public sealed class ConsoleWords
{
    /// <summary>The dialog file pair that holds the console's labels.</summary>
    public const string Dialog = "console";

    private readonly MessageCatalogue catalogue;
    private readonly string dialog;

    public ConsoleWords(MessageCatalogue catalogue, string language, TimeZoneInfo ownerZone, string dialog = Dialog)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentException.ThrowIfNullOrWhiteSpace(language);
        ArgumentNullException.ThrowIfNull(ownerZone);
        this.catalogue = catalogue;
        this.dialog = dialog;
        Language = language;
        OwnerZone = ownerZone;
        Culture = catalogue.CultureOf(language);
    }

    /// <summary>The two-letter language every label is rendered in (<c>de</c>, <c>en</c>).</summary>
    public string Language { get; }

    /// <summary>The culture of <see cref="Language"/> (de-DE, en-GB).</summary>
    public CultureInfo Culture { get; }

    /// <summary>The owner's time zone: every time the console shows is on this clock.</summary>
    public TimeZoneInfo OwnerZone { get; }

    /// <summary>The label <paramref name="key"/> (a message without variables).</summary>
    public string this[string key] => catalogue.Render(dialog, key, Language);

    /// <summary>The label <paramref name="key"/> with its variables (an anonymous object, snake_case names in the file).</summary>
    public string Format(string key, object model) => catalogue.Render(dialog, key, Language, model);

    /// <summary>True when <paramref name="key"/> exists (for words of values added after the file was written).</summary>
    public bool Has(string key) => catalogue.HasMessage(dialog, key, Language);

    /// <summary>The same language and clock, labels read from another file pair (<c>console_bank</c>, …).</summary>
    public ConsoleWords From(string otherDialog) => new(catalogue, Language, OwnerZone, otherDialog);

    /// <summary>"321,30 €" in German, "€321.30" in English.</summary>
    public string Money(Money money) => catalogue.FormatMoney(money, Language);

    /// <summary>An amount in <paramref name="currency"/>.</summary>
    public string Money(decimal amount, string currency) => Money(new Money(amount, currency));

    /// <summary>A calendar date in the language's short form ("26.11.2026", "26 Nov 2026").</summary>
    public string Date(DateOnly date) => date.ToString(this["format_date"], Culture);

    /// <inheritdoc cref="Date(DateOnly)"/>
    public string Date(DateOnly? date) => date is { } d ? Date(d) : "—";

    /// <summary>An instant on the owner's clock ("26.11.2026, 10:00").</summary>
    public string Time(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, OwnerZone).ToString(this["format_date_time"], Culture);

    /// <inheritdoc cref="Time(DateTimeOffset)"/>
    public string Time(DateTimeOffset? at) => at is { } t ? Time(t) : "—";

    /// <summary>The owner's calendar date of an instant.</summary>
    public string DateOf(DateTimeOffset at) => Date(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, OwnerZone).DateTime));

    /// <summary>A whole number in the language's digits ("1.234").</summary>
    public string Number(decimal value, string format = "N0") => value.ToString(format, Culture);

    /// <summary>A share (0.42 → "42 %" in German, "42%" in English).</summary>
    public string Percent(decimal share) => share.ToString("P0", Culture).Replace('\u00a0', ' ');

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

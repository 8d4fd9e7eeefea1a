using System.Globalization;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Messages;

namespace Dunning.Bot.Staff.Wording;

/// <summary>
/// The console's words in one staff member's language: every label is a key in <c>dialogs/console.&lt;lang&gt;.yaml</c>
/// (<c>T["nav_cases"]</c>, <c>T.Format("cases_more", new { shown })</c>), money and dates in that language's culture,
/// times on the owner's clock (<c>Escalation:TimeZone</c>), and the words for statuses, reasons, stages and channels
/// (<see cref="Word{TEnum}"/>). One instance per request (see <see cref="ConsoleLanguage"/>); pages get it as <c>T</c>.
/// A piece of the console with many labels of its own may keep them in its own file pair
/// (<c>dialogs/console_bank.{de,en}.yaml</c>) and read them with <see cref="From"/>.
/// </summary>
public sealed partial class ConsoleWords
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
}

using Dunning.Bot.Core.Dialogs;
using Dunning.Bot.Core.Domain;

namespace Dunning.Bot.Core.Chat;

/// <summary>How the conversation backbone behaves: linking limits, fallback steps, language switching (section <c>Conversations</c>).</summary>
public sealed class ConversationOptions
{
    public const string SectionName = "Conversations";

    /// <summary>Wrong access codes (or unknown link tokens) in a row before the cool-down starts.</summary>
    public int MaxCodeAttempts { get; set; } = 5;

    /// <summary>How long no code is checked after <see cref="MaxCodeAttempts"/> wrong ones.</summary>
    public int CodeCooldownMinutes { get; set; } = 15;

    /// <summary>The language spoken before a debtor is known and no locale was sent (<c>de</c> or <c>en</c>).</summary>
    public string DefaultLanguage { get; set; } = "de";

    /// <summary>The time zone for times shown before a debtor is known (IANA id).</summary>
    public string DefaultTimeZone { get; set; } = "Europe/Berlin";

    /// <summary>A message must have at least this many words in the other language before the bot switches to it.</summary>
    public int LanguageSwitchMinWords { get; set; } = 3;

    /// <summary>After this many messages in a row not understood, the main options are offered as buttons.</summary>
    public int OfferOptionsAfterNotUnderstood { get; set; } = 2;

    /// <summary>After this many messages in a row not understood, a person is offered.</summary>
    public int OfferPersonAfterNotUnderstood { get; set; } = 3;

    /// <summary>Longest value (JSON) kept per transcript entry; longer ones are cut.</summary>
    public int TranscriptMaxValueChars { get; set; } = 4000;

    /// <summary>Longest text kept per transcript entry; longer ones are cut.</summary>
    public int TranscriptMaxTextChars { get; set; } = 8000;

    /// <summary>Longest picture (a <c>data:</c> URI or an address) kept per image in a transcript entry, so staff see what the debtor saw.</summary>
    public int TranscriptMaxImageChars { get; set; } = 65536;

    public TimeSpan CodeCooldown => TimeSpan.FromMinutes(CodeCooldownMinutes);

    public TimeZoneInfo DefaultTimeZoneInfo => TimeZoneInfo.FindSystemTimeZoneById(DefaultTimeZone);

    /// <summary>Every problem with these options (empty when valid); the host refuses to start otherwise.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (MaxCodeAttempts is < 1 or > 100)
            problems.Add($"{SectionName}:MaxCodeAttempts must be between 1 and 100 (is {MaxCodeAttempts}).");
        if (CodeCooldownMinutes is < 1 or > 10080)
            problems.Add($"{SectionName}:CodeCooldownMinutes must be between 1 and 10080 (is {CodeCooldownMinutes}).");
        if (!Debtor.Languages.Contains(DefaultLanguage))
            problems.Add($"{SectionName}:DefaultLanguage must be one of {string.Join(", ", Debtor.Languages)} (is '{DefaultLanguage}').");
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(DefaultTimeZone, out _))
            problems.Add($"{SectionName}:DefaultTimeZone '{DefaultTimeZone}' is not a known time zone.");
        if (LanguageSwitchMinWords is < 1 or > 50)
            problems.Add($"{SectionName}:LanguageSwitchMinWords must be between 1 and 50 (is {LanguageSwitchMinWords}).");
        if (OfferOptionsAfterNotUnderstood < 1 || OfferPersonAfterNotUnderstood <= OfferOptionsAfterNotUnderstood)
            problems.Add($"{SectionName}: OfferOptionsAfterNotUnderstood must be at least 1 and below OfferPersonAfterNotUnderstood.");
        if (TranscriptMaxValueChars < 100 || TranscriptMaxTextChars < 100)
            problems.Add($"{SectionName}: TranscriptMaxValueChars and TranscriptMaxTextChars must be at least 100.");
        if (TranscriptMaxImageChars is < 0 or > 1_048_576)
            problems.Add($"{SectionName}:TranscriptMaxImageChars must be between 0 and 1048576 (is {TranscriptMaxImageChars}).");
        return problems;
    }
}

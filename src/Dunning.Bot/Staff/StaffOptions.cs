using System.ComponentModel.DataAnnotations;

namespace Dunning.Bot.Staff;

/// <summary>The staff console: sign-in protection, session length, owner alert delivery (section <c>Staff</c>).</summary>
public sealed class StaffOptions
{
    public const string SectionName = "Staff";

    /// <summary>Wrong passwords in a row before the account is locked.</summary>
    [Range(1, 100)]
    public int LockoutAttempts { get; set; } = 5;

    /// <summary>How long a locked account stays locked.</summary>
    [Range(1, 24 * 60)]
    public int LockoutMinutes { get; set; } = 15;

    /// <summary>Idle time after which a session ends (sliding: every request renews it).</summary>
    [Range(1, 24 * 7)]
    public int SessionHours { get; set; } = 8;

    /// <summary>Shortest password <c>staff add</c> accepts.</summary>
    [Range(8, 128)]
    public int MinPasswordLength { get; set; } = 12;

    /// <summary>Immediate: each alert goes out at once; Digest: the console gets it at once, other channels every <see cref="DigestMinutes"/>.</summary>
    public OwnerAlertMode AlertMode { get; set; } = OwnerAlertMode.Immediate;

    /// <summary>In digest mode, how often the collected alerts go out as one.</summary>
    [Range(1, 24 * 60)]
    public int DigestMinutes { get; set; } = 30;

    /// <summary>In Development with no account, create a demo owner once and print its password.</summary>
    public bool SeedDemoOwner { get; set; } = true;

    /// <summary>
    /// The console's language when the staff member chose none and the browser asks for none the console speaks
    /// (<c>de</c> or <c>en</c>; the labels live in <c>dialogs/console.*.yaml</c>).
    /// </summary>
    [RegularExpression("^[a-z]{2}$")]
    public string DefaultLanguage { get; set; } = "de";

    /// <summary>Most transcript entries the conversation view and the case file read per conversation.</summary>
    [Range(10, 100_000)]
    public int TranscriptLimit { get; set; } = 2000;
}

/// <summary>How owner alerts reach channels besides the console.</summary>
public enum OwnerAlertMode
{
    Immediate,
    Digest,
}

namespace Dunning.Bot.Core.Security;

/// <summary>
/// How wrong secrets are counted across conversations, channels and sign-ins (section <c>AttemptGuard</c>). The free
/// attempts and the first back-off of each kind come from its own section (<c>Conversations</c>, <c>Staff</c>).
/// </summary>
public sealed class AttemptGuardOptions
{
    public const string SectionName = "AttemptGuard";

    /// <summary>The longest back-off; each new one doubles the last until it reaches this.</summary>
    public int MaxBackoffHours { get; set; } = 24;

    /// <summary>A client or subject without a wrong attempt for this long starts again at the first back-off.</summary>
    public int ForgetAfterHours { get; set; } = 24;

    /// <summary>Wrong attempts of one kind from everyone together before everyone waits <see cref="GlobalBackoffMinutes"/> (doubling).</summary>
    public int GlobalFreeAttempts { get; set; } = 500;

    /// <summary>The first back-off for everyone once <see cref="GlobalFreeAttempts"/> are used up; short, because it also delays real debtors.</summary>
    public int GlobalBackoffMinutes { get; set; } = 2;

    /// <summary>Wrong and refused attempts within <see cref="AlertWindowMinutes"/> that make the owner get an alert (at most one per window).</summary>
    public int AlertAfterAttempts { get; set; } = 50;

    public int AlertWindowMinutes { get; set; } = 60;

    /// <summary>Clients and subjects remembered at most; beyond, those not in a back-off are forgotten first.</summary>
    public int MaxTrackedKeys { get; set; } = 100_000;

    public TimeSpan MaxBackoff => TimeSpan.FromHours(MaxBackoffHours);

    public TimeSpan ForgetAfter => TimeSpan.FromHours(ForgetAfterHours);

    public TimeSpan GlobalBackoff => TimeSpan.FromMinutes(GlobalBackoffMinutes);

    public TimeSpan AlertWindow => TimeSpan.FromMinutes(AlertWindowMinutes);

    /// <summary>Every problem with these options (empty when valid); the host refuses to start otherwise.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (MaxBackoffHours is < 1 or > 720)
            problems.Add($"{SectionName}:MaxBackoffHours must be between 1 and 720 (is {MaxBackoffHours}).");
        if (ForgetAfterHours is < 1 or > 720)
            problems.Add($"{SectionName}:ForgetAfterHours must be between 1 and 720 (is {ForgetAfterHours}).");
        if (GlobalFreeAttempts < 10)
            problems.Add($"{SectionName}:GlobalFreeAttempts must be at least 10 (is {GlobalFreeAttempts}).");
        if (GlobalBackoffMinutes is < 1 or > 60)
            problems.Add($"{SectionName}:GlobalBackoffMinutes must be between 1 and 60 (is {GlobalBackoffMinutes}).");
        if (AlertAfterAttempts < 1 || AlertWindowMinutes is < 1 or > 1440)
            problems.Add($"{SectionName}: AlertAfterAttempts must be at least 1 and AlertWindowMinutes between 1 and 1440.");
        if (MaxTrackedKeys < 1000)
            problems.Add($"{SectionName}:MaxTrackedKeys must be at least 1000 (is {MaxTrackedKeys}).");
        return problems;
    }
}

namespace Dunning.Bot.Staff.Accounts;

/// <summary>
/// A local console account. The password is kept only as a PBKDF2 hash (ASP.NET Core Identity's format);
/// <see cref="SecurityStamp"/> changes with the password or role, which ends every session signed in before.
/// </summary>
public sealed class StaffAccount
{
    public required string UserName { get; init; }

    public required StaffRole Role { get; set; }

    /// <summary>The name debtors see on this person's chat messages, e.g. <c>Anna Becker</c>; null = the user name.</summary>
    public string? DisplayName { get; set; }

    /// <summary>The job debtors see next to the name, e.g. <c>Buchhaltung</c>; null = a word for the role from <c>dialogs/staff_chat.*.yaml</c>.</summary>
    public string? Title { get; set; }

    public required string PasswordHash { get; set; }

    public required string SecurityStamp { get; set; }

    public int FailedAttempts { get; set; }

    public DateTimeOffset? LockedUntil { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? LastSignInAt { get; set; }

    /// <summary>The console language the staff member chose (<c>de</c>, <c>en</c>); null follows the browser.</summary>
    public string? Language { get; set; }

    public int Version { get; set; }

    public bool IsLocked(DateTimeOffset now) => LockedUntil is { } until && now < until;
}

namespace Dunning.Bot.Staff;

/// <summary>
/// What a console user may do. Staff read cases, take over conversations and reply; the owner also decides deals and
/// changes money (payments, pauses, disputes, opt-outs) and reads the audit log.
/// </summary>
public enum StaffRole
{
    Staff,
    Owner,
}

/// <summary>The role names in the sign-in cookie and the authorization policies.</summary>
public static class StaffRoles
{
    public const string Owner = "owner";
    public const string Staff = "staff";

    /// <summary>The policy every console page needs (any signed-in account).</summary>
    public const string AnyPolicy = "console";

    /// <summary>The policy of owner-only actions.</summary>
    public const string OwnerPolicy = "console-owner";

    public static string Name(StaffRole role) => role == StaffRole.Owner ? Owner : Staff;

    public static bool TryParse(string? text, out StaffRole role)
    {
        role = StaffRole.Staff;
        switch (text?.Trim().ToLowerInvariant())
        {
            case Owner:
                role = StaffRole.Owner;
                return true;
            case Staff:
                return true;
            default:
                return false;
        }
    }
}

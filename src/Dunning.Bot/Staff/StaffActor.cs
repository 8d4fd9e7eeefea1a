using System.Security.Claims;

namespace Dunning.Bot.Staff;

/// <summary>The signed-in console user an action is done by (from the sign-in cookie's claims).</summary>
public sealed record StaffActor(string UserName, StaffRole Role)
{
    /// <summary>The claim carrying the account's security stamp (a changed password ends older sessions).</summary>
    public const string StampClaim = "dunning:stamp";

    public bool IsOwner => Role == StaffRole.Owner;

    public static StaffActor From(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var name = user.Identity?.Name ?? throw new InvalidOperationException("No signed-in console user.");
        return new StaffActor(name, user.IsInRole(StaffRoles.Owner) ? StaffRole.Owner : StaffRole.Staff);
    }
}

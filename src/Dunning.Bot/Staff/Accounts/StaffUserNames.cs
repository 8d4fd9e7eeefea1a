namespace Dunning.Bot.Staff.Accounts;

/// <summary>User names are case-insensitive: stored lower-case, 1–64 of a-z 0-9 . _ - @.</summary>
public static class StaffUserNames
{
    public const int MaxLength = 64;

    /// <summary>The stored form of <paramref name="text"/>, or null when it is not a valid user name.</summary>
    public static string? Normalize(string? text)
    {
        var name = text?.Trim().ToLowerInvariant();
        return name is { Length: > 0 and <= MaxLength } && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' or '@')
            ? name
            : null;
    }
}

using System.Security.Cryptography;
using System.Text;

namespace Dunning.Bot.Api;

/// <summary>API keys are random, shown once, and configured only as their SHA-256 hash.</summary>
public static class ApiKeys
{
    public const string HeaderName = "X-Api-Key";

    public static string NewKey() => "dbk_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))
        .Replace('+', '-').Replace('/', '_').TrimEnd('=');

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>The name of the configured key matching <paramref name="presented"/>, compared in constant time; null if none.</summary>
    public static string? Match(IEnumerable<ApiKeyEntry> keys, string? presented)
    {
        if (string.IsNullOrEmpty(presented))
            return null;
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(presented));
        string? match = null;
        foreach (var entry in keys)
        {
            // Check every key so the time taken does not depend on which one matched.
            if (CryptographicOperations.FixedTimeEquals(hash, Convert.FromHexString(entry.Sha256)))
                match = entry.Name;
        }
        return match;
    }
}

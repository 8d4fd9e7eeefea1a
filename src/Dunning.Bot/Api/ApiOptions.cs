using System.ComponentModel.DataAnnotations;

namespace Dunning.Bot.Api;

/// <summary>The owners' REST API (section <c>Api</c>).</summary>
public sealed class ApiOptions
{
    public const string SectionName = "Api";

    /// <summary>Accepted keys, stored only as SHA-256 hashes (create one with the <c>apikey</c> verb).</summary>
    public List<ApiKeyEntry> Keys { get; init; } = [];

    /// <summary>Largest request body accepted, in bytes; larger → 413.</summary>
    [Range(1_024, 100 * 1024 * 1024)]
    public long MaxBodyBytes { get; init; } = 1024 * 1024;
}

/// <summary>One API key: a name for logs and the audit trail, and the key's SHA-256 hash (hex).</summary>
public sealed class ApiKeyEntry
{
    [Required]
    public string Name { get; init; } = "";

    [Required, RegularExpression("^[0-9a-fA-F]{64}$", ErrorMessage = "Sha256 must be 64 hex characters.")]
    public string Sha256 { get; init; } = "";
}

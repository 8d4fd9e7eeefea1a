namespace Dunning.Bot.Tests.Fakes.BotFramework;

/// <summary>What to put in a minted token; every field can be wrong on purpose.</summary>
public sealed record FakeToken
{
    public required string Issuer { get; init; }

    public required string Audience { get; init; }

    /// <summary>The <c>serviceurl</c> claim; null leaves it out.</summary>
    public string? ServiceUrl { get; init; }

    public required DateTimeOffset NotBefore { get; init; }

    public required DateTimeOffset Expires { get; init; }

    /// <summary>The key that signs; its kid goes in the header.</summary>
    public required FakeSigningKey Key { get; init; }

    public IReadOnlyDictionary<string, object>? ExtraClaims { get; init; }
}

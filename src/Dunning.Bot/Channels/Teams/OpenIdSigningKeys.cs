using System.Collections.Frozen;
using System.Text.Json;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Dunning.Bot.Channels.Teams;

/// <summary>
/// The signing keys published by one OpenID metadata document, cached and refreshed on the injected clock.
/// </summary>
/// <remarks>
/// Not ConfigurationManager: since IdentityModel 8 its RequestRefresh updates in the background and the next
/// read still returns the stale keys, so "unknown key id → refresh → retry once" could not see a rotated key.
/// Here a forced refresh is awaited, coalesced across concurrent callers, and throttled so that tokens with
/// made-up key ids cannot make the bot hammer the metadata endpoint.
/// </remarks>
internal sealed class OpenIdSigningKeys(
    string metadataUrl,
    HttpClient http,
    TimeProvider time,
    TimeSpan refreshInterval,
    TimeSpan minimumForcedRefreshInterval)
{
    private static readonly string[] DefaultAlgorithms = [SecurityAlgorithms.RsaSha256];
    private readonly SemaphoreSlim gate = new(1, 1);
    private Snapshot? current;
    private DateTimeOffset? lastForcedRefresh;
    private DateTimeOffset retryAfterFailure = DateTimeOffset.MinValue;

    public string MetadataUrl => metadataUrl;

    /// <summary>The key with this id, refreshing the keys once (throttled) when it is unknown; null if still unknown.</summary>
    public async Task<(SigningKey? Key, IReadOnlyCollection<string> Algorithms)> FindAsync(string keyId, CancellationToken cancellationToken)
    {
        var snapshot = await GetAsync(cancellationToken).ConfigureAwait(false);
        if (snapshot.Keys.TryGetValue(keyId, out var key))
            return (key, snapshot.Algorithms);

        snapshot = await ForceRefreshAsync(snapshot, cancellationToken).ConfigureAwait(false);
        return (snapshot.Keys.GetValueOrDefault(keyId), snapshot.Algorithms);
    }

    private async Task<Snapshot> GetAsync(CancellationToken cancellationToken)
    {
        var snapshot = current;
        var now = time.GetUtcNow();
        if (snapshot is not null && (now < snapshot.FetchedAt + refreshInterval || now < retryAfterFailure))
            return snapshot;

        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (current is { } fresh && !ReferenceEquals(fresh, snapshot))
                return fresh;
            return await FetchAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<Snapshot> ForceRefreshAsync(Snapshot seen, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Someone else refreshed while we waited: use theirs.
            if (current is { } fresh && !ReferenceEquals(fresh, seen))
                return fresh;
            var now = time.GetUtcNow();
            if (lastForcedRefresh is { } last && now - last < minimumForcedRefreshInterval)
                return seen;
            lastForcedRefresh = now;
            return await FetchAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Fetches the keys; on failure keeps serving the stale ones (stale keys beat none) or throws if there are none.</summary>
    private async Task<Snapshot> FetchAsync(CancellationToken cancellationToken)
    {
        var uri = new Uri(metadataUrl);
        var retriever = new HttpDocumentRetriever(http) { RequireHttps = !(uri.IsLoopback && uri.Scheme == Uri.UriSchemeHttp) };
        try
        {
            var configuration = await OpenIdConnectConfigurationRetriever.GetAsync(metadataUrl, retriever, cancellationToken).ConfigureAwait(false);
            var snapshot = new Snapshot(ReadKeys(configuration), ReadAlgorithms(configuration), time.GetUtcNow());
            current = snapshot;
            return snapshot;
        }
        catch (Exception ex) when (ex is not OperationCanceledException && current is not null)
        {
            retryAfterFailure = time.GetUtcNow() + TimeSpan.FromMinutes(1);
            return current;
        }
    }

    private static FrozenDictionary<string, SigningKey> ReadKeys(OpenIdConnectConfiguration configuration) =>
        (configuration.JsonWebKeySet?.Keys ?? [])
            .Where(k => !string.IsNullOrEmpty(k.Kid) && k.Use is null or "sig")
            .GroupBy(k => k.Kid, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => new SigningKey(g.First(), ReadEndorsements(g.First())), StringComparer.Ordinal);

    private static IReadOnlyCollection<string> ReadAlgorithms(OpenIdConnectConfiguration configuration) =>
        configuration.IdTokenSigningAlgValuesSupported is { Count: > 0 } algorithms ? [.. algorithms] : DefaultAlgorithms;

    /// <summary>The Bot Framework extension to JWK: <c>"endorsements": ["msteams", …]</c> on each key.</summary>
    internal static FrozenSet<string> ReadEndorsements(JsonWebKey key)
    {
        if (!key.AdditionalData.TryGetValue("endorsements", out var value) || value is null)
            return FrozenSet<string>.Empty;
        IEnumerable<string?> items = value switch
        {
            string single => [single],
            JsonElement { ValueKind: JsonValueKind.Array } array => array.EnumerateArray()
                .Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()),
            JsonElement { ValueKind: JsonValueKind.String } text => [text.GetString()],
            IEnumerable<object> list => list.Select(o => o is JsonElement { ValueKind: JsonValueKind.String } e ? e.GetString() : o as string),
            _ => [],
        };
        return items.OfType<string>().Where(s => s.Length > 0).ToFrozenSet(StringComparer.Ordinal);
    }

    private sealed record Snapshot(FrozenDictionary<string, SigningKey> Keys, IReadOnlyCollection<string> Algorithms, DateTimeOffset FetchedAt);
}

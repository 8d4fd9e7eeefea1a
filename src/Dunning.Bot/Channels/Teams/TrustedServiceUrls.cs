using System.Collections.Concurrent;

namespace Dunning.Bot.Channels.Teams;

/// <summary>
/// The serviceUrls the bot may call: only those that arrived in authenticated activities. A forged or stale
/// reference cannot make the bot send its connector token anywhere else. Authenticated URLs are kept in the
/// store (they survive a restart); URLs from unauthenticated requests (authentication off, Development only)
/// are trusted in this process only, so they never leak into a later production run over the same file.
/// </summary>
public sealed class TrustedServiceUrls
{
    private readonly ConcurrentDictionary<string, byte> trusted = new(StringComparer.Ordinal);
    private readonly ITeamsStore store;
    private readonly TimeProvider time;
    private readonly Lazy<bool> loaded;

    public TrustedServiceUrls(ITeamsStore store, TimeProvider time)
    {
        this.store = store ?? throw new ArgumentNullException(nameof(store));
        this.time = time ?? throw new ArgumentNullException(nameof(time));
        loaded = new Lazy<bool>(() =>
        {
            foreach (var url in store.LoadTrustedServiceUrls())
                trusted.TryAdd(url, 0);
            return true;
        });
    }

    /// <summary>Trusts the serviceUrl of an activity that passed authentication (persisted when <paramref name="persist"/>).</summary>
    public void Trust(string serviceUrl, bool persist)
    {
        _ = loaded.Value;
        if (Normalize(serviceUrl) is not { } url || !trusted.TryAdd(url, 0) || !persist)
            return;
        store.SaveTrustedServiceUrl(url, time.GetUtcNow());
    }

    public bool IsTrusted(string? serviceUrl)
    {
        _ = loaded.Value;
        return Normalize(serviceUrl) is { } url && trusted.ContainsKey(url);
    }

    /// <summary>Lower-case scheme and host, a trailing slash; null for anything but an absolute http(s) URL.</summary>
    public static string? Normalize(string? serviceUrl)
    {
        if (!Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            || !string.IsNullOrEmpty(uri.UserInfo) || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
            return null;
        var text = uri.GetLeftPart(UriPartial.Path);
        return text.EndsWith('/') ? text : text + "/";
    }
}

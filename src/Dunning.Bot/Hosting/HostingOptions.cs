namespace Dunning.Bot.Hosting;

/// <summary>
/// Where the host sits on the network (section <c>Hosting</c>): the reverse proxies whose <c>X-Forwarded-For</c> and
/// <c>X-Forwarded-Proto</c> headers are believed. Only a request arriving from one of them has its client address and
/// scheme replaced; from anywhere else the headers are ignored, so nobody can pick their own rate-limit bucket.
/// </summary>
public sealed class HostingOptions
{
    public const string SectionName = "Hosting";

    /// <summary>IP addresses of trusted proxies (e.g. <c>10.0.0.5</c>). Both lists empty: only loopback is trusted.</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Networks of trusted proxies in CIDR notation (e.g. <c>10.0.0.0/8</c>, <c>fd00::/8</c>).</summary>
    public string[] KnownNetworks { get; set; } = [];

    /// <summary>How many proxies in a chain are unwrapped (the entries of <c>X-Forwarded-For</c> read from the right).</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 10)]
    public int ForwardLimit { get; set; } = 1;
}

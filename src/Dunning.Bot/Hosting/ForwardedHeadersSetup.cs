using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace Dunning.Bot.Hosting;

/// <summary>
/// Wires <see cref="HostingOptions"/> into ASP.NET Core's forwarded-headers middleware: behind a trusted proxy the
/// client address (rate limits), the scheme (Secure cookies, <c>wss://</c> stream URLs) are the client's, not the proxy's.
/// </summary>
internal static class ForwardedHeadersSetup
{
    public static IServiceCollection AddForwardedHeaders(this IServiceCollection services)
    {
        services.AddOptions<HostingOptions>().BindConfiguration(HostingOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(o => o.KnownProxies.All(p => IPAddress.TryParse(p, out _)), "Hosting:KnownProxies must be IP addresses.")
            .Validate(o => o.KnownNetworks.All(n => System.Net.IPNetwork.TryParse(n, out _)), "Hosting:KnownNetworks must be networks in CIDR notation, e.g. 10.0.0.0/8.")
            .ValidateOnStart();
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<HostingOptions>>((forwarded, hosting) => Configure(forwarded, hosting.Value));
        return services;
    }

    /// <summary>X-Forwarded-For and -Proto from the configured proxies only; nothing configured keeps ASP.NET's loopback default.</summary>
    internal static void Configure(ForwardedHeadersOptions forwarded, HostingOptions hosting)
    {
        forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        forwarded.ForwardLimit = hosting.ForwardLimit;
        if (hosting.KnownProxies.Length == 0 && hosting.KnownNetworks.Length == 0)
            return;
        forwarded.KnownProxies.Clear();
        forwarded.KnownIPNetworks.Clear();
        foreach (var proxy in hosting.KnownProxies)
            forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
        foreach (var network in hosting.KnownNetworks)
            forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
    }
}

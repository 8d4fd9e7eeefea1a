namespace Dunning.Bot.Tests.Storage.SeveralHosts;

/// <summary>
/// What a load balancer without sticky sessions does to a client: every request goes to the host <see cref="Target"/>
/// names at that moment, whatever address the client used. The test moves <see cref="Target"/> between turns.
/// </summary>
internal sealed class HostSwitch(IReadOnlyList<Uri> hosts) : DelegatingHandler(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false })
{
    /// <summary>The index of the host the next requests go to.</summary>
    public int Target { get; set; }

    /// <summary>The hosts each request went to, in order.</summary>
    public List<int> Served { get; } = [];

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var target = hosts[Target];
        request.RequestUri = new UriBuilder(request.RequestUri!) { Scheme = target.Scheme, Host = target.Host, Port = target.Port }.Uri;
        lock (Served)
            Served.Add(Target);
        return base.SendAsync(request, cancellationToken);
    }
}

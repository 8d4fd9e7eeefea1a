using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dunning.Bot.Tests.Channels.WebChat;

/// <summary>
/// The owner's own website, as a second Kestrel on another loopback port (another origin than the bot): serves the pages
/// a test puts there and Microsoft's client bundles, as a web server would.
/// </summary>
internal sealed class OtherWebsite : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentDictionary<string, string> pages = new(StringComparer.Ordinal);

    private OtherWebsite(WebApplication app) => this.app = app;

    /// <summary>Where the site listens, e.g. <c>http://127.0.0.1:41235</c> (no trailing slash: an origin).</summary>
    public string Origin { get; private set; } = "";

    public static async Task<OtherWebsite> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0));
        var app = builder.Build();
        var site = new OtherWebsite(app);
        app.MapGet("/webchat.js", () => Results.File(MicrosoftWebClients.WebChatBundle, "text/javascript"));
        app.MapGet("/directline.js", () => Results.File(MicrosoftWebClients.DirectLineBundle, "text/javascript"));
        app.MapGet("/{name}.html", (string name) =>
            site.pages.TryGetValue(name, out var html) ? Results.Content(html, "text/html; charset=utf-8") : Results.NotFound());
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        site.Origin = new Uri(address).GetLeftPart(UriPartial.Authority);
        return site;
    }

    /// <summary>Puts <paramref name="html"/> at <c>/{name}.html</c> and returns its address.</summary>
    public string Page(string name, string html)
    {
        pages[name] = html;
        return $"{Origin}/{name}.html";
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

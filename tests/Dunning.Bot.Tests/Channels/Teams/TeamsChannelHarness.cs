using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Dunning.Bot.Conversations;
using Dunning.Bot.Core.Chat;
using Dunning.Bot.Tests.Fakes.BotFramework;
using Dunning.Bot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Identity.Client;

namespace Dunning.Bot.Tests.Channels.Teams;

/// <summary>
/// The host on Kestrel loopback with the Teams channel on and authentication on, against the fake identity service
/// (OpenID metadata, JWKS, token endpoint) and the fake Bot Connector; a <see cref="RecordingBot"/> stands in for the bot
/// unless <see cref="StartWithRealBotAsync"/> keeps the host's own bot.
/// </summary>
internal sealed class TeamsChannelHarness : IAsyncDisposable
{
    public const string AppId = "9f7d3a2e-0000-4000-8000-00000000a1b2";
    public const string OwnerCode = "owner-code-7H3K9Q2X";

    private readonly HttpClient trusting;
    private readonly string? dataDirectory;
    private readonly Dictionary<string, string?>? extra;
    private readonly bool realBot;
    private bool ownsFakes = true;

    private TeamsChannelHarness(FakeBotFrameworkIdentity identity, FakeBotConnector connector, string? dataDirectory, Dictionary<string, string?>? extra,
        bool realBot = false)
    {
        Identity = identity;
        Connector = connector;
        this.dataDirectory = dataDirectory;
        this.extra = extra;
        this.realBot = realBot;
        identity.ExpectedClientId = AppId;
        trusting = LoopbackServer.TrustingClient(identity.Certificate);
        var settings = new Dictionary<string, string?>
        {
            ["Teams:AppId"] = AppId,
            ["Teams:AppPassword"] = identity.ExpectedClientSecret,
            ["Teams:TenantId"] = identity.TenantId,
            ["Teams:OpenIdMetadataUrl"] = identity.OpenIdMetadataUrl,
            ["Teams:TenantOpenIdMetadataUrl"] = identity.TenantOpenIdMetadataUrl,
            ["Teams:AuthorityHost"] = identity.AuthorityHost,
            ["Teams:OwnerLinkCode"] = OwnerCode,
        };
        if (dataDirectory is not null)
            settings["Storage:Path"] = Path.Combine(dataDirectory, "dunning.db");
        foreach (var (key, value) in extra ?? [])
            settings[key] = value;
        Host = new BotHost(settings, services: s =>
        {
            if (!realBot)
                s.Replace(ServiceDescriptor.Singleton<IBot>(Bot));
            s.AddSingleton<IMsalHttpClientFactory>(new MsalClient(trusting));
        });
        Client = Host.CreateHttpClient();
    }

    public FakeBotFrameworkIdentity Identity { get; }

    public FakeBotConnector Connector { get; }

    public BotHost Host { get; }

    public HttpClient Client { get; }

    public RecordingBot Bot { get; } = new();

    public string ServiceUrl => Connector.ServiceUrl.ToString();

    public static async Task<TeamsChannelHarness> StartAsync(string? dataDirectory = null, Dictionary<string, string?>? settings = null) =>
        new(await FakeBotFrameworkIdentity.StartAsync(), await FakeBotConnector.StartAsync(), dataDirectory, settings);

    /// <summary>The same, with the host's real bot (DunningBot) behind the channel; <see cref="Bot"/> then records nothing.</summary>
    public static async Task<TeamsChannelHarness> StartWithRealBotAsync(string dataDirectory, Dictionary<string, string?> settings) =>
        new(await FakeBotFrameworkIdentity.StartAsync(), await FakeBotConnector.StartAsync(), dataDirectory, settings, realBot: true);

    /// <summary>
    /// Stops this host and starts a new one over the same database file and the same fakes, as a process restart
    /// does; the returned harness owns the fakes from now on.
    /// </summary>
    public async Task<TeamsChannelHarness> RestartAsync()
    {
        ownsFakes = false;
        await DisposeAsync();
        return new TeamsChannelHarness(Identity, Connector, dataDirectory, extra, realBot);
    }

    /// <summary>A fixture with its serviceUrl pointing at the fake connector.</summary>
    public JsonObject Fixture(string name)
    {
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Channels", "Teams", "Fixtures", name)))!.AsObject();
        json["serviceUrl"] = ServiceUrl;
        return json;
    }

    /// <summary>A token as the Bot Connector would send it now for <paramref name="serviceUrl"/> (default: the fake connector).</summary>
    public FakeToken Token(string? serviceUrl = null, FakeSigningKey? key = null) => new()
    {
        Issuer = FakeBotFrameworkIdentity.BotFrameworkIssuer,
        Audience = AppId,
        ServiceUrl = serviceUrl ?? ServiceUrl,
        NotBefore = TimeProvider.System.GetUtcNow().AddMinutes(-1),
        Expires = TimeProvider.System.GetUtcNow().AddMinutes(59),
        Key = key ?? Identity.CurrentKey,
    };

    /// <summary>Posts the activity to /api/messages with a valid token, or the given one (null: no Authorization header).</summary>
    public Task<HttpResponseMessage> PostAsync(JsonNode activity, FakeToken? token = null, bool withToken = true) =>
        PostRawAsync(activity.ToJsonString(), withToken ? "Bearer " + Identity.Mint(token ?? Token()) : null);

    public async Task<HttpResponseMessage> PostRawAsync(string body, string? authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/messages")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        if (authorization is not null)
            request.Headers.Authorization = AuthenticationHeaderValue.Parse(authorization);
        return await Client.SendAsync(request);
    }

    /// <summary>Requests the connector received on activity routes (replies and sends).</summary>
    public IReadOnlyList<ConnectorRequest> Sent => [.. Connector.Requests.Where(r => r.Path.EndsWith("/activities", StringComparison.Ordinal) || r.ReplyToId is not null)];

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Host.DisposeAsync();
        trusting.Dispose();
        if (!ownsFakes)
            return;
        await Connector.DisposeAsync();
        await Identity.DisposeAsync();
    }

    private sealed class MsalClient(HttpClient client) : IMsalHttpClientFactory
    {
        public HttpClient GetHttpClient() => client;
    }
}

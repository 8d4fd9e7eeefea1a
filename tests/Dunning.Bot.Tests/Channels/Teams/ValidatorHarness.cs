using Dunning.Bot.Channels.Teams;
using Dunning.Bot.Tests.Fakes.BotFramework;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Dunning.Bot.Tests.Channels.Teams;

/// <summary>A validator wired to a fresh fake identity service, on a fake clock.</summary>
internal sealed class ValidatorHarness : IAsyncDisposable
{
    public const string AppId = "9f7d3a2e-0000-4000-8000-00000000a1b2";
    public const string ServiceUrl = "https://smba.trafficmanager.net/teams/";
    public const string Channel = "msteams";

    private readonly HttpClient http = new();

    private ValidatorHarness(FakeBotFrameworkIdentity identity, Action<TeamsOptions>? configure)
    {
        Identity = identity;
        Options = new TeamsOptions
        {
            AppId = AppId,
            AppPassword = "secret",
            TenantId = identity.TenantId,
            AppType = TeamsAppType.MultiTenant,
            OpenIdMetadataUrl = identity.OpenIdMetadataUrl,
            TenantOpenIdMetadataUrl = identity.TenantOpenIdMetadataUrl,
        };
        configure?.Invoke(Options);
        Assert.Empty(Options.Validate());
        Validator = new BotFrameworkTokenValidator(
            Microsoft.Extensions.Options.Options.Create(Options), Time, NullLogger<BotFrameworkTokenValidator>.Instance, http);
    }

    public FakeBotFrameworkIdentity Identity { get; }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2030, 5, 6, 9, 30, 0, TimeSpan.Zero));

    public TeamsOptions Options { get; }

    public BotFrameworkTokenValidator Validator { get; }

    public static async Task<ValidatorHarness> StartAsync(Action<TeamsOptions>? configure = null) =>
        new(await FakeBotFrameworkIdentity.StartAsync(), configure);

    /// <summary>A token the Bot Connector would send now: right issuer, audience, serviceUrl, lifetime and key.</summary>
    public FakeToken ValidToken(FakeSigningKey? key = null) => new()
    {
        Issuer = FakeBotFrameworkIdentity.BotFrameworkIssuer,
        Audience = AppId,
        ServiceUrl = ServiceUrl,
        NotBefore = Time.GetUtcNow().AddMinutes(-1),
        Expires = Time.GetUtcNow().AddMinutes(59),
        Key = key ?? Identity.CurrentKey,
    };

    public Task<BotAuthenticationResult> AuthenticateAsync(FakeToken token, string? serviceUrl = ServiceUrl, string? channelId = Channel) =>
        Validator.AuthenticateAsync("Bearer " + Identity.Mint(token), serviceUrl, channelId, CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        http.Dispose();
        await Identity.DisposeAsync();
    }
}

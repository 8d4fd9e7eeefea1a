using Dunning.Bot.Channels.Teams;
using Dunning.Bot.Tests.Fakes.BotFramework;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;

namespace Dunning.Bot.Tests.Channels.Teams;

/// <summary>MSAL against the fake Entra token endpoint on loopback HTTPS (MSAL refuses http authorities).</summary>
public sealed class Connector_token_acquisition : IAsyncLifetime
{
    private FakeBotFrameworkIdentity identity = null!;
    private HttpClient trusting = null!;

    public async Task InitializeAsync()
    {
        identity = await FakeBotFrameworkIdentity.StartAsync();
        trusting = LoopbackServer.TrustingClient(identity.Certificate);
    }

    public async Task DisposeAsync()
    {
        trusting.Dispose();
        await identity.DisposeAsync();
    }

    private BotConnectorTokenProvider Provider(Action<TeamsOptions>? configure = null)
    {
        var options = new TeamsOptions
        {
            AppId = identity.ExpectedClientId,
            AppPassword = identity.ExpectedClientSecret,
            TenantId = identity.TenantId,
            AuthorityHost = identity.AuthorityHost,
        };
        configure?.Invoke(options);
        Assert.Empty(options.Validate());
        return new BotConnectorTokenProvider(Options.Create(options), new MsalClient(trusting));
    }

    [Fact]
    public async Task A_single_tenant_bot_gets_a_client_credentials_token_from_its_tenant_for_the_connector_scope()
    {
        var token = await Provider().GetTokenAsync(default);

        Assert.Equal($"connector-token-1-{identity.TenantId}", token);
        Assert.Equal("client_credentials", identity.LastTokenRequest["grant_type"]);
        Assert.Equal(identity.ExpectedClientId, identity.LastTokenRequest["client_id"]);
        Assert.Contains("https://api.botframework.com/.default", identity.LastTokenRequest["scope"].Split(' '));
    }

    [Fact]
    public async Task A_multi_tenant_bot_gets_its_token_from_the_botframework_com_tenant()
    {
        var token = await Provider(o => o.AppType = TeamsAppType.MultiTenant).GetTokenAsync(default);

        Assert.Equal("connector-token-1-botframework.com", token);
    }

    [Fact]
    public async Task The_token_is_served_from_the_cache_while_it_lives()
    {
        var provider = Provider();

        var first = await provider.GetTokenAsync(default);
        var second = await provider.GetTokenAsync(default);

        Assert.Equal(first, second);
        Assert.Equal(1, identity.TokenRequests);
    }

    [Fact]
    public async Task A_token_with_less_than_five_minutes_left_is_fetched_again()
    {
        identity.AccessTokenLifetime = TimeSpan.FromMinutes(4);
        var provider = Provider();

        var first = await provider.GetTokenAsync(default);
        var second = await provider.GetTokenAsync(default);

        Assert.NotEqual(first, second);
        Assert.Equal(2, identity.TokenRequests);
    }

    [Fact]
    public async Task A_wrong_secret_surfaces_as_an_msal_service_error()
    {
        var provider = Provider(o => o.AppPassword = "wrong");

        var error = await Assert.ThrowsAsync<MsalServiceException>(() => provider.GetTokenAsync(default));

        Assert.Equal("invalid_client", error.ErrorCode);
    }

    [Fact]
    public async Task With_authentication_off_there_is_no_token_and_no_request()
    {
        var token = await new BotConnectorTokenProvider(Options.Create(new TeamsOptions())).GetTokenAsync(default);

        Assert.Null(token);
        Assert.Equal(0, identity.TokenRequests);
    }

    private sealed class MsalClient(HttpClient client) : IMsalHttpClientFactory
    {
        public HttpClient GetHttpClient() => client;
    }
}

using Dunning.Bot.Channels.Teams;
using Dunning.Bot.Tests.Fakes.BotFramework;

namespace Dunning.Bot.Tests.Channels.Teams;

public sealed class Single_tenant_issuers
{
    private static FakeToken FromTenant(ValidatorHarness h, string issuer) =>
        h.ValidToken(h.Identity.TenantKey) with { Issuer = issuer };

    [Fact]
    public async Task A_single_tenant_bot_accepts_tokens_from_its_own_tenant_signed_with_the_tenant_keys()
    {
        await using var h = await ValidatorHarness.StartAsync(o => o.AppType = TeamsAppType.SingleTenant);
        var tenant = h.Identity.TenantId;

        var v1 = await h.AuthenticateAsync(FromTenant(h, $"https://sts.windows.net/{tenant}/"));
        var v2 = await h.AuthenticateAsync(FromTenant(h, $"https://login.microsoftonline.com/{tenant}/v2.0"));
        var connector = await h.AuthenticateAsync(h.ValidToken());

        Assert.True(v1.Succeeded, v1.ToString());
        Assert.True(v2.Succeeded, v2.ToString());
        Assert.True(connector.Succeeded, connector.ToString());
    }

    [Fact]
    public async Task A_tenant_token_still_needs_our_audience_and_the_activity_serviceUrl()
    {
        await using var h = await ValidatorHarness.StartAsync(o => o.AppType = TeamsAppType.SingleTenant);
        var token = FromTenant(h, $"https://sts.windows.net/{h.Identity.TenantId}/");

        Assert.Equal(401, (await h.AuthenticateAsync(token with { Audience = "other-app" })).StatusCode);
        Assert.Equal(401, (await h.AuthenticateAsync(token with { ServiceUrl = "https://attacker.example/" })).StatusCode);
    }

    [Fact]
    public async Task Another_tenant_is_rejected_with_401()
    {
        await using var h = await ValidatorHarness.StartAsync(o => o.AppType = TeamsAppType.SingleTenant);

        var result = await h.AuthenticateAsync(FromTenant(h, "https://sts.windows.net/99999999-8888-7777-6666-555555555555/"));

        Assert.Equal(401, result.StatusCode);
        Assert.Contains("issuer", result.Error);
    }

    [Fact]
    public async Task A_multi_tenant_bot_does_not_accept_tenant_issuers()
    {
        await using var h = await ValidatorHarness.StartAsync(o => o.AppType = TeamsAppType.MultiTenant);

        var result = await h.AuthenticateAsync(FromTenant(h, $"https://sts.windows.net/{h.Identity.TenantId}/"));

        Assert.Equal(401, result.StatusCode);
    }

    [Fact]
    public async Task A_tenant_issuer_signed_with_a_bot_connector_key_is_rejected_with_401()
    {
        await using var h = await ValidatorHarness.StartAsync(o => o.AppType = TeamsAppType.SingleTenant);

        var result = await h.AuthenticateAsync(h.ValidToken() with { Issuer = $"https://sts.windows.net/{h.Identity.TenantId}/" });

        Assert.Equal(401, result.StatusCode);
    }

    [Fact]
    public async Task A_connector_issuer_signed_with_a_tenant_key_is_rejected_with_401()
    {
        await using var h = await ValidatorHarness.StartAsync(o => o.AppType = TeamsAppType.SingleTenant);

        var result = await h.AuthenticateAsync(h.ValidToken(h.Identity.TenantKey));

        Assert.Equal(401, result.StatusCode);
    }
}

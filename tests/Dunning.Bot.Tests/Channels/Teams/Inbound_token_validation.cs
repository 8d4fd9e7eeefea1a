using System.Text.Json;
using Dunning.Bot.Channels.Teams;
using Dunning.Bot.Tests.Fakes.BotFramework;

namespace Dunning.Bot.Tests.Channels.Teams;

public sealed class Inbound_token_validation : IAsyncLifetime
{
    private ValidatorHarness h = null!;

    public async Task InitializeAsync() => h = await ValidatorHarness.StartAsync();

    public async Task DisposeAsync() => await h.DisposeAsync();

    [Fact]
    public async Task A_token_from_the_Bot_Connector_for_our_app_passes_with_its_claims()
    {
        var result = await h.AuthenticateAsync(h.ValidToken());

        Assert.True(result.Succeeded, result.ToString());
        Assert.False(result.IsAnonymous);
        Assert.Equal(200, result.StatusCode);
        Assert.Equal(ValidatorHarness.AppId, result.Identity!.FindFirst("aud")!.Value);
        Assert.Equal(ValidatorHarness.ServiceUrl, result.Identity.FindFirst("serviceurl")!.Value);
        Assert.True(result.Identity.IsAuthenticated);
    }

    [Fact]
    public async Task The_activity_json_supplies_serviceUrl_and_channelId()
    {
        var header = "Bearer " + h.Identity.Mint(h.ValidToken());
        using var good = JsonDocument.Parse($$"""{"type":"message","channelId":"msteams","serviceUrl":"{{ValidatorHarness.ServiceUrl}}"}""");
        using var otherChannel = JsonDocument.Parse($$"""{"channelId":"telegram","serviceUrl":"{{ValidatorHarness.ServiceUrl}}"}""");
        using var notAnObject = JsonDocument.Parse("""["msteams"]""");
        using var numberServiceUrl = JsonDocument.Parse("""{"channelId":"msteams","serviceUrl":42}""");

        Assert.True((await h.Validator.AuthenticateAsync(header, good.RootElement, default)).Succeeded);
        Assert.Equal(403, (await h.Validator.AuthenticateAsync(header, otherChannel.RootElement, default)).StatusCode);
        Assert.Equal(401, (await h.Validator.AuthenticateAsync(header, notAnObject.RootElement, default)).StatusCode);
        Assert.Equal(401, (await h.Validator.AuthenticateAsync(header, numberServiceUrl.RootElement, default)).StatusCode);
    }

    [Fact]
    public async Task A_token_from_another_issuer_is_rejected_with_401()
    {
        var result = await h.AuthenticateAsync(h.ValidToken() with { Issuer = "https://api.botframework.com.evil.example" });

        Assert.Equal(401, result.StatusCode);
        Assert.Contains("issuer", result.Error);
    }

    [Fact]
    public async Task A_token_for_another_app_is_rejected_with_401()
    {
        var result = await h.AuthenticateAsync(h.ValidToken() with { Audience = "00000000-0000-0000-0000-000000000001" });

        Assert.Equal(401, result.StatusCode);
        Assert.Contains("Audience", result.Error);
    }

    [Fact]
    public async Task A_token_expired_longer_ago_than_the_clock_skew_is_rejected_with_401()
    {
        var now = h.Time.GetUtcNow();
        var result = await h.AuthenticateAsync(h.ValidToken() with { NotBefore = now.AddHours(-1), Expires = now.AddMinutes(-5).AddSeconds(-1) });

        Assert.Equal(401, result.StatusCode);
        Assert.Contains("Lifetime", result.Error);
    }

    [Fact]
    public async Task A_token_expired_within_the_clock_skew_still_passes()
    {
        var now = h.Time.GetUtcNow();
        var result = await h.AuthenticateAsync(h.ValidToken() with { NotBefore = now.AddHours(-1), Expires = now.AddMinutes(-4) });

        Assert.True(result.Succeeded, result.ToString());
    }

    [Fact]
    public async Task The_lifetime_is_judged_on_the_injected_clock()
    {
        var token = h.ValidToken();
        Assert.True((await h.AuthenticateAsync(token)).Succeeded);

        h.Time.Advance(TimeSpan.FromMinutes(59 + 5) + TimeSpan.FromSeconds(1));

        Assert.Equal(401, (await h.AuthenticateAsync(token)).StatusCode);
    }

    [Fact]
    public async Task A_token_not_valid_before_more_than_the_skew_from_now_is_rejected_but_within_it_passes()
    {
        var now = h.Time.GetUtcNow();

        var early = await h.AuthenticateAsync(h.ValidToken() with { NotBefore = now.AddMinutes(6), Expires = now.AddHours(1) });
        var slightlyEarly = await h.AuthenticateAsync(h.ValidToken() with { NotBefore = now.AddMinutes(4), Expires = now.AddHours(1) });

        Assert.Equal(401, early.StatusCode);
        Assert.True(slightlyEarly.Succeeded, slightlyEarly.ToString());
    }

    [Fact]
    public async Task A_token_signed_with_an_unpublished_key_under_a_published_kid_is_rejected_with_401()
    {
        var impostor = h.Identity.NewKey(h.Identity.CurrentKey.Kid, FakeBotFrameworkIdentity.DefaultEndorsements);

        var result = await h.AuthenticateAsync(h.ValidToken(impostor));

        Assert.Equal(401, result.StatusCode);
        Assert.Contains("Signature", result.Error);
    }

    [Fact]
    public async Task A_serviceUrl_claim_other_than_the_activity_serviceUrl_is_rejected_with_401()
    {
        var token = h.ValidToken();

        var otherClaim = await h.AuthenticateAsync(token with { ServiceUrl = "https://attacker.example/teams/" });
        var noClaim = await h.AuthenticateAsync(token with { ServiceUrl = null });
        var noActivityUrl = await h.AuthenticateAsync(token, serviceUrl: null);
        var otherActivityUrl = await h.AuthenticateAsync(token, serviceUrl: "https://smba.trafficmanager.net/emea/");

        Assert.All([otherClaim, noClaim, noActivityUrl, otherActivityUrl], r => Assert.Equal(401, r.StatusCode));
        Assert.Contains("serviceurl", otherClaim.Error);
    }

    [Fact]
    public async Task A_channel_the_signing_key_does_not_endorse_is_forbidden_with_403()
    {
        var token = h.ValidToken();

        var telegram = await h.AuthenticateAsync(token, channelId: "telegram");
        var caseChanged = await h.AuthenticateAsync(token, channelId: "MSTEAMS");
        var noChannel = await h.AuthenticateAsync(token, channelId: null);
        var webchat = await h.AuthenticateAsync(token, channelId: "webchat");

        Assert.All([telegram, caseChanged, noChannel], r => Assert.Equal(403, r.StatusCode));
        Assert.True(webchat.Succeeded);
    }

    [Fact]
    public async Task A_token_that_fails_authentication_gets_401_even_for_an_unendorsed_channel()
    {
        var result = await h.AuthenticateAsync(h.ValidToken() with { Audience = "someone-else" }, channelId: "telegram");

        Assert.Equal(401, result.StatusCode);
    }

    public static TheoryData<string?> MalformedHeaders => new()
    {
        null,
        "",
        "   ",
        "Bearer",
        "Bearer ",
        "Basic dXNlcjpwYXNz",
        "Bearer not-a-jwt",
        "Bearer a.b.c",
        "Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln extra",
        "Bearer " + new string('a', 20_000),
    };

    [Theory]
    [MemberData(nameof(MalformedHeaders))]
    public async Task A_missing_or_malformed_authorization_header_is_rejected_with_401(string? header)
    {
        var result = await h.Validator.AuthenticateAsync(header, ValidatorHarness.ServiceUrl, ValidatorHarness.Channel, default);

        Assert.Equal(401, result.StatusCode);
        Assert.Null(result.Identity);
    }

    [Fact]
    public async Task The_bearer_scheme_is_case_insensitive()
    {
        var result = await h.Validator.AuthenticateAsync(
            "bearer " + h.Identity.Mint(h.ValidToken()), ValidatorHarness.ServiceUrl, ValidatorHarness.Channel, default);

        Assert.True(result.Succeeded, result.ToString());
    }

    [Fact]
    public async Task An_unsigned_token_naming_a_published_kid_is_rejected_with_401()
    {
        var signed = h.Identity.Mint(h.ValidToken()).Split('.');
        var header = Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode($$"""{"alg":"none","kid":"{{h.Identity.CurrentKey.Kid}}","typ":"JWT"}""");

        var result = await h.Validator.AuthenticateAsync($"Bearer {header}.{signed[1]}.", ValidatorHarness.ServiceUrl, ValidatorHarness.Channel, default);

        Assert.Equal(401, result.StatusCode);
    }

    [Fact]
    public async Task A_token_signed_with_a_shared_secret_instead_of_the_published_rsa_key_is_rejected_with_401()
    {
        var signed = h.Identity.Mint(h.ValidToken()).Split('.');
        var header = Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode($$"""{"alg":"HS256","kid":"{{h.Identity.CurrentKey.Kid}}","typ":"JWT"}""");
        var modulus = System.Text.Encoding.UTF8.GetBytes(h.Identity.CurrentKey.ToJwk()["n"]!.GetValue<string>());
        var mac = System.Security.Cryptography.HMACSHA256.HashData(modulus, System.Text.Encoding.ASCII.GetBytes($"{header}.{signed[1]}"));

        var result = await h.Validator.AuthenticateAsync(
            $"Bearer {header}.{signed[1]}.{Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(mac)}",
            ValidatorHarness.ServiceUrl, ValidatorHarness.Channel, default);

        Assert.Equal(401, result.StatusCode);
    }
}

using Dunning.Bot.Tests.Fakes.BotFramework;

namespace Dunning.Bot.Tests.Channels.Teams;

public sealed class Signing_key_refresh : IAsyncLifetime
{
    private ValidatorHarness h = null!;

    public async Task InitializeAsync() => h = await ValidatorHarness.StartAsync();

    public async Task DisposeAsync() => await h.DisposeAsync();

    [Fact]
    public async Task Keys_are_fetched_once_and_then_served_from_the_cache()
    {
        for (var i = 0; i < 5; i++)
            Assert.True((await h.AuthenticateAsync(h.ValidToken())).Succeeded);

        Assert.Equal(1, h.Identity.KeysRequests);
    }

    [Fact]
    public async Task Concurrent_first_requests_share_one_fetch()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => h.AuthenticateAsync(h.ValidToken())));

        Assert.All(results, r => Assert.True(r.Succeeded, r.ToString()));
        Assert.Equal(1, h.Identity.KeysRequests);
    }

    [Fact]
    public async Task An_unknown_kid_refreshes_the_keys_once_and_is_then_rejected_with_401()
    {
        Assert.True((await h.AuthenticateAsync(h.ValidToken())).Succeeded);
        var stranger = h.Identity.NewKey("never-published", FakeBotFrameworkIdentity.DefaultEndorsements);

        var result = await h.AuthenticateAsync(h.ValidToken(stranger));

        Assert.Equal(401, result.StatusCode);
        Assert.Contains("not published", result.Error);
        Assert.Equal(2, h.Identity.KeysRequests);
    }

    [Fact]
    public async Task Unknown_kids_cannot_force_more_than_one_refresh_per_minimum_interval()
    {
        Assert.True((await h.AuthenticateAsync(h.ValidToken())).Succeeded);
        var stranger = h.Identity.NewKey("never-published");
        for (var i = 0; i < 5; i++)
            Assert.Equal(401, (await h.AuthenticateAsync(h.ValidToken(stranger))).StatusCode);
        Assert.Equal(2, h.Identity.KeysRequests);

        h.Time.Advance(h.Options.SigningKeysMinimumRefreshInterval);
        Assert.Equal(401, (await h.AuthenticateAsync(h.ValidToken(stranger))).StatusCode);

        Assert.Equal(3, h.Identity.KeysRequests);
    }

    [Fact]
    public async Task A_rotated_key_is_fetched_on_first_sight_and_accepted()
    {
        var old = h.ValidToken();
        Assert.True((await h.AuthenticateAsync(old)).Succeeded);

        var rotated = h.Identity.RotateKeys("bf-key-2");
        var result = await h.AuthenticateAsync(h.ValidToken(rotated));

        Assert.True(result.Succeeded, result.ToString());
        Assert.Equal(2, h.Identity.KeysRequests);
        Assert.Equal(401, (await h.AuthenticateAsync(old)).StatusCode);
    }

    [Fact]
    public async Task Keys_are_fetched_again_after_the_refresh_interval()
    {
        Assert.True((await h.AuthenticateAsync(h.ValidToken())).Succeeded);

        h.Time.Advance(h.Options.SigningKeysRefreshInterval);
        Assert.True((await h.AuthenticateAsync(h.ValidToken())).Succeeded);

        Assert.Equal(2, h.Identity.KeysRequests);
    }

    [Fact]
    public async Task Each_key_endorses_only_the_channels_its_jwks_entry_lists()
    {
        var webchatOnly = h.Identity.NewKey("webchat-key", "webchat");
        h.Identity.Publish(webchatOnly);
        var unendorsed = h.Identity.NewKey("bare-key");
        h.Identity.Publish(unendorsed);

        Assert.True((await h.AuthenticateAsync(h.ValidToken(webchatOnly), channelId: "webchat")).Succeeded);
        Assert.Equal(403, (await h.AuthenticateAsync(h.ValidToken(webchatOnly), channelId: "msteams")).StatusCode);
        Assert.Equal(403, (await h.AuthenticateAsync(h.ValidToken(unendorsed), channelId: "msteams")).StatusCode);
    }
}

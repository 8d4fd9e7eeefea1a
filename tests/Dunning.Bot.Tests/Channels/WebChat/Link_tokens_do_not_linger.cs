using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dunning.Bot.Channels.WebChat;
using Dunning.Bot.Storage;
using Dunning.Bot.Storage.LiteDb;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

using Dunning.Bot.Tests.Infrastructure;

namespace Dunning.Bot.Tests.Channels.WebChat;

/// <summary>
/// A link token in a <c>webchat/join</c> event reaches the bot but is never stored in the Direct Line log, and a chain
/// of refreshed conversation tokens ends after <c>WebChat:TokenMaxAge</c>.
/// </summary>
public sealed class Link_tokens_do_not_linger : IDisposable
{
    private const string LinkToken = "tok_secret_link_0123456789";
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));
    private readonly Infrastructure.BotHost host;

    public Link_tokens_do_not_linger() =>
        host = WebChatHost.Start(new() { ["WebChat:TokenMaxAge"] = "01:00:00" }, clock);

    [LiteDbOnlyFact("it reads the stored activities from LiteDB's web chat collection")]
    public async Task The_join_echo_is_stored_without_the_link_token_while_the_bot_still_sees_it()
    {
        var client = host.Client();
        await client.StartAsync();

        using var join = await client.PostAsync(JsonSerializer.Serialize(new { type = "event", name = "webchat/join", value = new { linkToken = LinkToken, locale = "en-US" } }));
        var (activities, _) = await client.PollAsync();

        Assert.Equal(HttpStatusCode.OK, join.StatusCode);
        var echo = activities.Single(a => a.GetProperty("type").GetString() == "event");
        Assert.Equal("***", echo.GetProperty("value").GetProperty("linkToken").GetString());
        Assert.Equal("en-US", echo.GetProperty("value").GetProperty("locale").GetString());
        Assert.Contains(activities, a => a.TryGetProperty("text", out var t) && t.GetString() == "Welcome! Your link was recognised.");
        var stored = host.Services.GetRequiredService<LiteDbContext>().Database.GetCollection(LiteWebChatStore.Activities).FindAll().ToList();
        Assert.NotEmpty(stored);
        Assert.DoesNotContain(stored, d => d.ToString().Contains(LinkToken, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_refreshed_token_chain_ends_after_the_maximum_age()
    {
        var client = host.Client();
        await client.StartAsync();

        var lifetimes = new List<int>();
        for (var i = 0; i < 2; i++)
        {
            clock.Advance(TimeSpan.FromMinutes(20));
            using var refresh = await client.RefreshAsync();
            Assert.Equal(HttpStatusCode.OK, refresh.StatusCode);
            var json = await refresh.Content.ReadFromJsonAsync<JsonElement>();
            client.Token = json.GetProperty("token").GetString()!;
            lifetimes.Add(json.GetProperty("expires_in").GetInt32());
        }
        clock.Advance(TimeSpan.FromMinutes(19));
        using var lastMinute = await client.GetAsync();
        using var lastRefresh = await client.RefreshAsync();
        var last = await lastRefresh.Content.ReadFromJsonAsync<JsonElement>();
        clock.Advance(TimeSpan.FromMinutes(2));
        using var afterMaxAge = await client.GetAsync(token: last.GetProperty("token").GetString());
        using var refreshAfter = await client.RefreshAsync(last.GetProperty("token").GetString());

        // Started at 0: refreshed at 20 (30 min), at 40 (capped at 60), at 59 (one minute left); at 61 the chain is over.
        Assert.Equal([1800, 1200], lifetimes);
        Assert.Equal(HttpStatusCode.OK, lastMinute.StatusCode);
        Assert.Equal(60, last.GetProperty("expires_in").GetInt32());
        Assert.Equal(HttpStatusCode.Forbidden, afterMaxAge.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, refreshAfter.StatusCode);
        Assert.Equal("TokenExpired", (await refreshAfter.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetProperty("code").GetString());
    }

    public void Dispose() => host.Dispose();
}

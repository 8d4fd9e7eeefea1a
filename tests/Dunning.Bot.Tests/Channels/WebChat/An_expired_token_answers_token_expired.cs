using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dunning.Bot.Channels.WebChat;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Dunning.Bot.Tests.Channels.WebChat;

/// <summary>
/// As Direct Line: a token that was valid and has expired gets 403 with the error code <c>TokenExpired</c> on every
/// endpoint (so directlinejs and Web Chat report an expired token instead of silently stopping); a forged or unknown
/// token stays 401, and a refresh in time keeps the conversation going.
/// </summary>
public sealed class An_expired_token_answers_token_expired : IDisposable
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));
    private readonly Infrastructure.BotHost host;

    public An_expired_token_answers_token_expired() => host = WebChatHost.Start(clock: clock);

    [Fact]
    public async Task Every_endpoint_answers_403_token_expired_in_directlines_error_shape()
    {
        var client = host.Client();
        var streamUrl = (await client.StartAsync()).GetProperty("streamUrl").GetString()!;
        await client.SayAsync("before");
        clock.Advance(TimeSpan.FromMinutes(31));
        var conversation = $"/v3/directline/conversations/{client.ConversationId}";

        using var post = await client.PostAsync("""{"type":"message","text":"after"}""");
        using var poll = await client.GetAsync();
        using var reconnect = await client.SendAsync(HttpMethod.Get, conversation + "?watermark=0", null, client.Token);
        using var resume = await client.SendAsync(HttpMethod.Post, "/v3/directline/conversations", null, client.Token);
        using var refresh = await client.RefreshAsync();
        var stream = await DirectLineStreamClient.RefusedStatusAsync(streamUrl);

        foreach (var response in new[] { post, poll, reconnect, resume, refresh })
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var error = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error");
            Assert.Equal("TokenExpired", error.GetProperty("code").GetString());
            Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("message").GetString()));
        }
        Assert.Equal(403, stream);
    }

    [Fact]
    public async Task An_expired_token_changes_nothing()
    {
        var client = host.Client();
        await client.StartAsync();
        await client.SayAsync("before");
        var expired = client.Token;
        clock.Advance(TimeSpan.FromMinutes(31));

        using var post = await client.PostAsync("""{"type":"message","text":"after"}""", token: expired);
        var log = await host.Services.GetRequiredService<IWebChatStore>().ReadAsync(client.ConversationId, null, 100, CancellationToken.None);

        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal(2, log.Activities.Count);
        Assert.DoesNotContain(log.Activities, a => a.Contains("after", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_forged_token_with_a_past_expiry_is_still_401_not_token_expired()
    {
        var client = host.Client();
        await client.StartAsync();
        var parts = client.Token.Split('.');
        clock.Advance(TimeSpan.FromMinutes(31));
        var forged = $"{parts[0]}.{parts[1]}.{parts[2][..^2]}{(parts[2].EndsWith("AA", StringComparison.Ordinal) ? "BB" : "AA")}";

        using var poll = await client.GetAsync(token: forged);
        using var refresh = await client.RefreshAsync(forged);

        Assert.Equal(HttpStatusCode.Unauthorized, poll.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, refresh.StatusCode);
    }

    [Fact]
    public async Task A_token_refreshed_in_time_keeps_the_conversation_while_the_old_one_expires()
    {
        var client = host.Client();
        await client.StartAsync();
        var first = client.Token;

        clock.Advance(TimeSpan.FromMinutes(15));
        using var refresh = await client.RefreshAsync();
        client.Token = (await refresh.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
        clock.Advance(TimeSpan.FromMinutes(16));
        using var withFirst = await client.GetAsync(token: first);
        await client.SayAsync("still here");

        Assert.Equal(HttpStatusCode.OK, refresh.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, withFirst.StatusCode);
        Assert.Equal("echo: still here", (await client.PollAsync()).Activities[^1].GetProperty("text").GetString());
    }

    public void Dispose() => host.Dispose();
}

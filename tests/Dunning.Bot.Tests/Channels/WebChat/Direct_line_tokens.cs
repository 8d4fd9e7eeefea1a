using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;

namespace Dunning.Bot.Tests.Channels.WebChat;

public sealed class Direct_line_tokens : IDisposable
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));
    private readonly Infrastructure.BotHost host;

    public Direct_line_tokens() => host = WebChatHost.Start(clock: clock);

    [Fact]
    public async Task A_token_of_another_conversation_gets_403_and_reads_nothing()
    {
        var mine = host.Client();
        var other = host.Client();
        await mine.StartAsync();
        await other.StartAsync();
        await other.SayAsync("secret");

        using var read = await mine.GetAsync(conversationId: other.ConversationId);
        using var write = await mine.PostAsync("""{"type":"message","text":"hi"}""", conversationId: other.ConversationId);

        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
        Assert.Equal(2, (await other.PollAsync()).Activities.Length);
    }

    [Fact]
    public async Task A_missing_or_forged_token_gets_401()
    {
        var client = host.Client();
        await client.StartAsync();
        var parts = client.Token.Split('.');
        var claims = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(Base64Url(parts[1]))!;
        claims["conv"] = JsonSerializer.SerializeToElement("someone-else");
        var tampered = $"{parts[0]}.{ToBase64Url(JsonSerializer.SerializeToUtf8Bytes(claims))}.{parts[2]}";
        var unsigned = $"{ToBase64Url("""{"alg":"none","typ":"JWT"}"""u8.ToArray())}.{parts[1]}.";

        foreach (var token in new[] { "", "garbage", tampered, unsigned, parts[0] + "." + parts[1] + ".AAAA" })
        {
            using var response = await client.GetAsync(token: token);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }
    }

    [Fact]
    public async Task A_token_signed_by_another_host_gets_401()
    {
        using var elsewhere = WebChatHost.Start(clock: clock);
        var foreign = elsewhere.Client();
        await foreign.StartAsync();
        var client = host.Client();
        await client.StartAsync();

        using var response = await client.GetAsync(token: foreign.Token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_token_expires_after_its_lifetime_and_then_gets_403_token_expired()
    {
        var client = host.Client();
        await client.StartAsync();

        clock.Advance(TimeSpan.FromMinutes(29));
        using var before = await client.GetAsync();
        clock.Advance(TimeSpan.FromMinutes(1));
        using var after = await client.GetAsync();
        using var refresh = await client.RefreshAsync();

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, after.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, refresh.StatusCode);
    }

    [Fact]
    public async Task A_refreshed_token_outlives_the_old_one_in_the_same_conversation()
    {
        var client = host.Client();
        await client.StartAsync();
        var old = client.Token;

        clock.Advance(TimeSpan.FromMinutes(20));
        using var refresh = await client.RefreshAsync();
        var json = await refresh.Content.ReadFromJsonAsync<JsonElement>();
        client.Token = json.GetProperty("token").GetString()!;
        clock.Advance(TimeSpan.FromMinutes(20));
        using var withOld = await client.GetAsync(token: old);

        Assert.Equal(HttpStatusCode.OK, refresh.StatusCode);
        Assert.Equal(client.ConversationId, json.GetProperty("conversationId").GetString());
        Assert.Equal(1800, json.GetProperty("expires_in").GetInt32());
        Assert.Equal(HttpStatusCode.Forbidden, withOld.StatusCode);
        Assert.Equal("echo: still here", (await SayAndPoll(client, "still here")).GetProperty("text").GetString());
    }

    private static async Task<JsonElement> SayAndPoll(DirectLineClient client, string text)
    {
        await client.SayAsync(text);
        return (await client.PollAsync()).Activities[^1];
    }

    private static byte[] Base64Url(string text) =>
        Convert.FromBase64String(text.Replace('-', '+').Replace('_', '/').PadRight(text.Length + (4 - text.Length % 4) % 4, '='));

    private static string ToBase64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public void Dispose() => host.Dispose();
}

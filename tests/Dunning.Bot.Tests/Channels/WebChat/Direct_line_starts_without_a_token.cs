using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dunning.Bot.Core.Ports;
using Microsoft.Extensions.DependencyInjection;

namespace Dunning.Bot.Tests.Channels.WebChat;

/// <summary>
/// Anonymous start as Direct Line allows it: no token, or the <c>Bearer undefined</c> directlinejs sends when it has none,
/// starts a new conversation bound to no debtor — unless <c>WebChat:AllowAnonymousStart</c> is off. A token that is
/// present but bad never falls back to a new conversation.
/// </summary>
public sealed class Direct_line_starts_without_a_token : IDisposable
{
    private readonly Infrastructure.BotHost host = WebChatHost.Start();

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer undefined")]
    [InlineData("Bearer null")]
    [InlineData("Bearer ")]
    public async Task No_token_starts_a_new_conversation_bound_to_nobody(string? authorization)
    {
        var client = host.Client();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/conversations")
        {
            Content = JsonContent.Create(new { user = new { id = (string?)null }, locale = "de-DE" }),
        };
        if (authorization is not null)
            request.Headers.TryAddWithoutValidation("Authorization", authorization);

        using var response = await client.Http.SendAsync(request);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        client.Token = json.GetProperty("token").GetString()!;
        var conversationId = json.GetProperty("conversationId").GetString()!;
        await client.SayAsync("hallo", conversationId: conversationId);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.StartsWith("ws://", json.GetProperty("streamUrl").GetString(), StringComparison.Ordinal);
        var link = await host.Services.GetRequiredService<IConversationStore>().FindAsync($"webchat/{conversationId}", CancellationToken.None);
        Assert.Null(link?.DebtorId);
    }

    [Theory]
    [InlineData("Bearer garbage")]
    [InlineData("Bearer eyJhbGciOiJub25lIn0.eyJjb252IjoieCJ9.")]
    [InlineData("Bearer undefinedx")]
    public async Task A_bad_token_gets_401_and_starts_nothing(string authorization)
    {
        using var http = host.CreateHttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/conversations");
        request.Headers.TryAddWithoutValidation("Authorization", authorization);

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task With_anonymous_start_off_only_a_conversations_token_goes_on()
    {
        using var closed = WebChatHost.Start(new() { ["WebChat:AllowAnonymousStart"] = "false" });
        var client = closed.Client();
        // A conversation started before the switch (as a restart with the new setting keeps it).
        await closed.Services.GetRequiredService<Dunning.Bot.Channels.WebChat.IWebChatStore>()
            .CreateConversationAsync("c0ffee", "dl_earlier", TimeProvider.System.GetUtcNow(), CancellationToken.None);
        client.Token = closed.Services.GetRequiredService<Dunning.Bot.Channels.WebChat.DirectLineTokens>().Issue("c0ffee", "dl_earlier");

        using var anonymous = await client.SendAsync(HttpMethod.Post, "/v3/directline/conversations", null, null);
        using var undefinedBearer = await client.SendAsync(HttpMethod.Post, "/v3/directline/conversations", null, "undefined");
        await client.ResumeAsync();
        await client.SayAsync("still there");

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Contains("WebChat:AllowAnonymousStart", await anonymous.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, undefinedBearer.StatusCode);
        Assert.Equal("c0ffee", client.ConversationId);
        Assert.Equal("echo: still there", (await client.PollAsync()).Activities[^1].GetProperty("text").GetString());
    }

    public void Dispose() => host.Dispose();
}

using System.Net;
using System.Text;

namespace Dunning.Bot.Tests.Channels.WebChat;

public sealed class Direct_line_rejects_bad_input : IDisposable
{
    private readonly Infrastructure.BotHost host = WebChatHost.Start(new() { ["WebChat:MaxMessageChars"] = "50", ["WebChat:MaxBodyBytes"] = "1024" });

    public static TheoryData<string, HttpStatusCode> Bodies => new()
    {
        { "{\"type\":\"message\",\"text\":", HttpStatusCode.BadRequest },
        { "not json at all", HttpStatusCode.BadRequest },
        { "", HttpStatusCode.BadRequest },
        { "[1,2,3]", HttpStatusCode.BadRequest },
        { "null", HttpStatusCode.BadRequest },
        { "{\"type\":\"message\",\"text\":\"" + new string('x', 51) + "\"}", HttpStatusCode.RequestEntityTooLarge },
        { "{\"type\":\"message\",\"text\":\"ok\",\"channelData\":{\"pad\":\"" + new string('p', 1100) + "\"}}", HttpStatusCode.RequestEntityTooLarge },
        { "{\"type\":\"conversationUpdate\",\"membersAdded\":[{\"id\":\"x\"}]}", HttpStatusCode.BadRequest },
        { "{\"type\":\"invoke\",\"name\":\"adaptiveCard/action\"}", HttpStatusCode.BadRequest },
        { "{\"type\":\"endOfConversation\"}", HttpStatusCode.BadRequest },
        { "{\"type\":null,\"text\":\"hi\"}", HttpStatusCode.BadRequest },
        { "{\"type\":\"event\"}", HttpStatusCode.BadRequest },
        { "{\"type\":\"message\",\"text\":\"\"}", HttpStatusCode.BadRequest },
        { "{\"type\":\"message\",\"text\":\"  \\n\\t \\u00A0\"}", HttpStatusCode.BadRequest },
        { "{\"type\":\"message\",\"text\":\"hi\",\"attachments\":[{\"contentType\":\"image/png\",\"contentUrl\":\"https://x\"}]}", HttpStatusCode.BadRequest },
        { "{\"type\":\"message\",\"text\":\"hi\",\"locale\":\"<script>\"}", HttpStatusCode.BadRequest },
        { "{\"type\":\"message\",\"text\":\"hi\",\"from\":{\"name\":\"" + new string('n', 101) + "\"}}", HttpStatusCode.BadRequest },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task A_bad_body_gets_a_problem_and_changes_nothing(string body, HttpStatusCode expected)
    {
        var client = host.Client();
        await client.StartAsync();

        using var response = await client.PostAsync(body);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Empty((await client.PollAsync()).Activities);
    }

    [Fact]
    public async Task A_body_over_the_limit_without_a_content_length_is_refused_while_reading()
    {
        var client = host.Client();
        await client.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/v3/directline/conversations/{client.ConversationId}/activities")
        {
            Content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes("{\"type\":\"message\",\"text\":\"" + new string('y', 40) + "\",\"x\":\"" + new string('z', 5000) + "\"}"))),
        };
        request.Headers.TransferEncodingChunked = true;
        request.Headers.Authorization = new("Bearer", client.Token);

        using var response = await client.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty((await client.PollAsync()).Activities);
    }

    [Fact]
    public async Task Script_in_a_message_is_stored_as_plain_text()
    {
        var client = host.Client();
        await client.StartAsync();

        await client.SayAsync("<img src=x onerror=alert(1)>");

        Assert.Equal("echo: <img src=x onerror=alert(1)>", (await client.PollAsync()).Activities[1].GetProperty("text").GetString());
    }

    public void Dispose() => host.Dispose();
}

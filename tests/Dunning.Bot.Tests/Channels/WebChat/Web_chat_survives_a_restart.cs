using System.Net;

namespace Dunning.Bot.Tests.Channels.WebChat;

public sealed class Web_chat_survives_a_restart : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("dunning-webchat-");

    [Fact]
    public async Task A_new_host_on_the_same_file_accepts_the_token_and_continues_the_log()
    {
        var settings = new Dictionary<string, string?> { ["Storage:Path"] = Path.Combine(folder.FullName, "dunning.db") };
        string conversation, token, watermark;
        using (var first = WebChatHost.Start(settings))
        {
            var client = first.Client();
            await client.StartAsync();
            await client.SayAsync("before");
            (_, watermark) = await client.PollAsync();
            (conversation, token) = (client.ConversationId, client.Token);
        }

        using var second = WebChatHost.Start(settings);
        var resumed = second.Client();
        resumed.Token = token;
        using (var restart = await resumed.SendAsync(HttpMethod.Post, "/v3/directline/conversations", null, token))
            Assert.Equal(HttpStatusCode.OK, restart.StatusCode);
        var (history, _) = await resumed.PollAsync(null, conversation);
        using var post = await resumed.PostAsync("""{"type":"message","text":"after"}""", conversation);
        var (later, next) = await resumed.PollAsync(watermark, conversation);

        Assert.Equal(["before", "echo: before"], history.Select(a => a.GetProperty("text").GetString()));
        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        Assert.Equal(["after", "echo: after"], later.Select(a => a.GetProperty("text").GetString()));
        Assert.Equal($"{conversation}|{3:D10}", later[0].GetProperty("id").GetString());
        Assert.Equal("4", next);
    }

    public void Dispose()
    {
        try
        {
            folder.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a background thread; the temp folder is cleaned by the OS.
        }
    }
}

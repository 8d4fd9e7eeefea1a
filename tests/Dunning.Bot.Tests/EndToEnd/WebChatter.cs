using System.Net;
using System.Text.Json;
using Dunning.Bot.Tests.Channels.WebChat;

namespace Dunning.Bot.Tests.EndToEnd;

/// <summary>A debtor in the web chat: one Direct Line conversation; each call returns the bot's answers to it.</summary>
internal sealed class WebChatter(DirectLineClient client)
{
    private string? watermark;

    public DirectLineClient Client => client;

    public static async Task<WebChatter> OpenAsync(HttpClient http)
    {
        var chatter = new WebChatter(new DirectLineClient(http));
        await chatter.Client.StartAsync();
        return chatter;
    }

    /// <summary>Continues the conversation of <paramref name="token"/> (as the page does after a reload), past its history.</summary>
    public static async Task<WebChatter> ResumeAsync(HttpClient http, string token)
    {
        var chatter = new WebChatter(new DirectLineClient(http) { Token = token });
        await chatter.Client.ResumeAsync();
        await chatter.RepliesAsync();
        return chatter;
    }

    /// <summary>Posts the page's join event (as the chat page does when opened from a link).</summary>
    public async Task<JsonElement[]> JoinAsync(string? linkToken, string locale)
    {
        var body = JsonSerializer.Serialize(new { type = "event", name = "webchat/join", value = new { linkToken, locale } });
        using var response = await client.PostAsync(body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await RepliesAsync();
    }

    public async Task<JsonElement[]> SayAsync(string text)
    {
        await client.SayAsync(text); // a fresh client id each time, as Web Chat sends: a repeated one is a retry
        return await RepliesAsync();
    }

    /// <summary>Like <see cref="SayAsync"/> for a single reply: its text.</summary>
    public async Task<string> AskAsync(string text) => Text(Assert.Single(await SayAsync(text)));

    public static string Text(JsonElement activity) => activity.TryGetProperty("text", out var t) ? t.GetString() ?? "" : "";

    /// <summary>The suggested-action buttons of a reply, as (title, value).</summary>
    public static (string Title, string Value)[] Buttons(JsonElement activity) =>
        activity.TryGetProperty("suggestedActions", out var suggested)
            ? [.. suggested.GetProperty("actions").EnumerateArray().Select(a => (a.GetProperty("title").GetString()!, a.GetProperty("value").GetString()!))]
            : [];

    /// <summary>Polls until the bot says something unprompted (a proactive message) and returns its text; fails after <paramref name="timeout"/>.</summary>
    public async Task<string> NextReplyAsync(TimeSpan timeout)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (waited.Elapsed < timeout)
        {
            if (await RepliesAsync() is [var first, ..])
                return Text(first);
            await Task.Delay(50);
        }
        Assert.Fail($"No message from the bot within {timeout}.");
        return "";
    }

    /// <summary>The bot's activities since the last call (the user's own echoes left out).</summary>
    private async Task<JsonElement[]> RepliesAsync()
    {
        var (activities, next) = await client.PollAsync(watermark);
        watermark = next;
        return [.. activities.Where(a => a.GetProperty("from").GetProperty("role").GetString() == "bot")];
    }
}

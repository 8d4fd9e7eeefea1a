using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Dunning.Bot.Tests.Channels.WebChat;

namespace Dunning.Bot.Tests.Uploads;

/// <summary>Direct Line uploads as a client sends them: multipart/form-data with file parts and an optional "activity" part.</summary>
internal static class Uploading
{
    public static MultipartFormDataContent Form(params (string Name, string Type, byte[] Content)[] files)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, type, content) in files)
        {
            var part = new ByteArrayContent(content);
            part.Headers.ContentType = new MediaTypeHeaderValue(type);
            form.Add(part, "file", name);
        }
        return form;
    }

    /// <summary>Adds the Direct Line "activity" part (application/vnd.microsoft.activity).</summary>
    public static MultipartFormDataContent WithActivity(this MultipartFormDataContent form, object activity)
    {
        var part = new StringContent(JsonSerializer.Serialize(activity), Encoding.UTF8);
        part.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.microsoft.activity");
        form.Add(part, "activity");
        return form;
    }

    /// <summary>Adds an "activity" part with <paramref name="json"/> as it is (for malformed input).</summary>
    public static MultipartFormDataContent WithRawActivity(this MultipartFormDataContent form, string json)
    {
        var part = new StringContent(json, Encoding.UTF8);
        part.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.microsoft.activity");
        form.Add(part, "activity");
        return form;
    }

    public static async Task<HttpResponseMessage> UploadAsync(this DirectLineClient chat, HttpContent body, string? userId = null, string? token = null, string? conversationId = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post,
            $"/v3/directline/conversations/{conversationId ?? chat.ConversationId}/upload" + (userId is null ? "" : "?userId=" + Uri.EscapeDataString(userId)))
        {
            Content = body,
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token ?? chat.Token);
        return await chat.Http.SendAsync(request);
    }

    /// <summary>The bot's message texts after <paramref name="watermark"/>, and the new watermark.</summary>
    public static async Task<(string[] Texts, string Watermark)> BotSaysAsync(this DirectLineClient chat, string? watermark)
    {
        var (activities, next) = await chat.PollAsync(watermark);
        return ([.. activities.Where(a => a.GetProperty("from").GetProperty("role").GetString() == "bot" && a.TryGetProperty("text", out _))
            .Select(a => a.GetProperty("text").GetString()!)], next);
    }

    /// <summary>The staff host's linked English chat after "I paid": the bot has asked for the transfer confirmation.</summary>
    public static async Task<(DirectLineClient Chat, string Watermark)> ClaimedPaidAsync(this Staff.StaffHost staff)
    {
        var chat = await staff.LinkedChatAsync();
        await chat.SayAsync("I paid 119 euros on 20 November", "c1");
        var (texts, watermark) = await chat.BotSaysAsync(null);
        Assert.Contains(texts, t => t.Contains("you are welcome to send it here", StringComparison.Ordinal));
        return (chat, watermark);
    }
}

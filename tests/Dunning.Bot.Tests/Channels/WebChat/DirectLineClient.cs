using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Dunning.Bot.Tests.Channels.WebChat;

/// <summary>A test client for the Direct Line endpoints; raw JSON in and out, so tests see the wire format.</summary>
internal sealed class DirectLineClient(HttpClient http)
{
    public string ConversationId { get; private set; } = "";

    public string Token { get; set; } = "";

    public HttpClient Http => http;

    public async Task<JsonElement> StartAsync()
    {
        using var response = await SendAsync(HttpMethod.Post, "/v3/directline/conversations", null, null);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        ConversationId = json.GetProperty("conversationId").GetString()!;
        Token = json.GetProperty("token").GetString()!;
        return json;
    }

    /// <summary>Starts again with the current <see cref="Token"/>: asserts 200 and takes the conversation id it resumes.</summary>
    public async Task ResumeAsync()
    {
        using var response = await SendAsync(HttpMethod.Post, "/v3/directline/conversations", null, Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        ConversationId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("conversationId").GetString()!;
    }

    public Task<HttpResponseMessage> PostAsync(string json, string? conversationId = null, string? token = null) =>
        SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{conversationId ?? ConversationId}/activities", json, token ?? Token);

    /// <summary>
    /// Posts a message with a clientActivityID (a new one unless given: the same one again is a retry); asserts 200 and
    /// returns the assigned id.
    /// </summary>
    public async Task<string> SayAsync(string text, string? clientActivityId = null, string? conversationId = null)
    {
        var body = JsonSerializer.Serialize(new { type = "message", text, from = new { id = "spoofed", name = "Erika" },
            channelData = new { clientActivityID = clientActivityId ?? "c" + Guid.NewGuid().ToString("N") } });
        using var response = await PostAsync(body, conversationId);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    public Task<HttpResponseMessage> GetAsync(string? watermark = null, string? conversationId = null, string? token = null) =>
        SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{conversationId ?? ConversationId}/activities"
            + (watermark is null ? "" : "?watermark=" + Uri.EscapeDataString(watermark)), null, token ?? Token);

    /// <summary>Polls; asserts 200 and returns (activities, watermark).</summary>
    public async Task<(JsonElement[] Activities, string Watermark)> PollAsync(string? watermark = null, string? conversationId = null)
    {
        using var response = await GetAsync(watermark, conversationId);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        return ([.. json.GetProperty("activities").EnumerateArray()], json.GetProperty("watermark").GetString()!);
    }

    public Task<HttpResponseMessage> RefreshAsync(string? token = null) =>
        SendAsync(HttpMethod.Post, "/v3/directline/tokens/refresh", null, token ?? Token);

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? json, string? token)
    {
        using var request = new HttpRequestMessage(method, path);
        if (json is not null)
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        if (token is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await http.SendAsync(request);
    }
}

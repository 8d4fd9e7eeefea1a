using System.Net.Http.Headers;
using System.Text;
using Dunning.Bot.Tests.Channels.WebChat;

namespace Dunning.Bot.Tests.Fuzzing;

/// <summary>
/// 10,000 generated hostile inputs against the Direct Line endpoints (activities posted with a valid token, garbage
/// watermarks, forged tokens, hostile Origin headers): every answer a 4xx, no error logged, not one byte of stored data changed.
/// </summary>
public sealed class Direct_line_survives_hostile_input
{
    private static readonly string[] Templates =
    [
        """{"type":@@V,"text":"@@S","from":{"id":"x","name":"n"},"channelData":{"clientActivityID":"c1"}}""",
        """{"type":@@V,"name":"webchat/join","value":{"linkToken":"@@S","locale":"de-DE"}}""",
        """{"type":@@V,"text":"hallo","locale":"@@S","value":{"choice":"1"}}""",
    ];

    [Fact]
    public async Task Ten_thousand_hostile_inputs_get_4xx_and_change_nothing()
    {
        var logs = new LogCapture();
        using var host = FuzzHost.Start(logs);
        using var http = host.CreateHttpClient();
        var client = new DirectLineClient(http);
        await client.StartAsync();
        var before = host.Snapshot();

        var counts = await FuzzRun.RunAsync(http, new HostileInputs(1701, 16 * 1024, "\"message\"", Templates), (i, input) =>
        {
            var conversation = $"/v3/directline/conversations/{client.ConversationId}";
            var (method, path, token) = (i % 10) switch
            {
                7 => (HttpMethod.Get, $"{conversation}/activities?watermark=x{Uri.EscapeDataString(Encoding.Latin1.GetString(input.Body[..Math.Min(40, input.Body.Length)]))}", client.Token),
                8 => (HttpMethod.Post, "/v3/directline/tokens/refresh", Forged(input)),
                9 => (HttpMethod.Post, i % 20 == 9 ? "/v3/directline/conversations" : $"{conversation}/activities", Forged(input)),
                _ => (HttpMethod.Post, $"{conversation}/activities", client.Token),
            };
            var request = new HttpRequestMessage(method, path) { Content = method == HttpMethod.Post ? input.Content() : null };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            // Every third request from a browser page of some (hostile) website: CORS must not change the answer.
            if (i % 3 == 1)
                request.Headers.TryAddWithoutValidation("Origin", HostileOrigin(input));
            return request;
        });

        Assert.Equal(before, host.Snapshot());
        Assert.Empty(logs.Errors);
        Assert.True(counts.Count >= 3, string.Join(", ", counts));
    }

    /// <summary>An Origin header made from the input's printable ASCII (header values cannot carry control characters).</summary>
    private static string HostileOrigin(HostileInput input) =>
        "https://" + new string([.. input.Body.Take(40).Select(b => b is >= 0x21 and < 0x7F ? (char)b : 'a')]);

    /// <summary>A token-shaped string made from the input: three base64url parts.</summary>
    private static string Forged(HostileInput input)
    {
        var part = Convert.ToBase64String(input.Body[..Math.Min(input.Body.Length, 60)]).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return $"eyJhbGciOiJIUzI1NiJ9.{part}.{part}x";
    }
}

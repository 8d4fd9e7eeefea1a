namespace Dunning.Bot.Tests.Fuzzing;

/// <summary>
/// 10,000 generated hostile activities posted to <c>/api/messages</c> with authentication off (Development, loopback),
/// so every one reaches the parser: every answer a 4xx, no error logged, no stored data changed.
/// </summary>
public sealed class Bot_framework_endpoint_survives_hostile_input
{
    private static readonly string[] Templates =
    [
        """{"type":@@V,"id":"a1","channelId":"msteams","serviceUrl":"http://127.0.0.1:9/","conversation":{"id":"c1"},"from":{"id":"u1","name":"@@S"},"recipient":{"id":"b1"},"text":"hallo"}""",
        """{"type":@@V,"name":"adaptiveCard/action","value":{"action":{"data":"@@S"}},"channelId":"msteams","serviceUrl":"http://127.0.0.1:9/","conversation":{"id":"c1"},"from":{"id":"u1"}}""",
        """{"type":@@V,"channelId":"msteams","serviceUrl":"@@S","conversation":{"id":"c1","conversationType":"personal"},"from":{"id":"u1","aadObjectId":"x"}}""",
    ];

    [Fact]
    public async Task Ten_thousand_hostile_inputs_get_4xx_and_change_nothing()
    {
        var logs = new LogCapture();
        using var host = FuzzHost.Start(logs, new() { ["Teams:AllowAnonymous"] = "true" }, environment: "Development");
        using var http = host.CreateHttpClient();
        var before = host.Snapshot();

        await FuzzRun.RunAsync(http, new HostileInputs(1702, 256 * 1024, "\"message\"", Templates),
            (_, input) => new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = input.Content() });

        Assert.Equal(before, host.Snapshot());
        Assert.Empty(logs.Errors);
    }
}

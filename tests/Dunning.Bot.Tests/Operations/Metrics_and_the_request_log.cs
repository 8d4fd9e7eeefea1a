using System.Net;
using Dunning.Bot.Hosting.Telemetry;
using Dunning.Bot.Tests.EndToEnd;
using Dunning.Bot.Tests.Infrastructure;
using Dunning.Bot.Tests.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dunning.Bot.Tests.Operations;

/// <summary>
/// The real host over Kestrel on loopback: after a few web chat turns <c>GET /metrics</c> answers Prometheus text with
/// the bot's turns, latency per channel, understanding confidence and outbox gauges; only loopback and the configured
/// networks may scrape; every request leaves one log line naming its route template — never a token.
/// </summary>
public sealed class Metrics_and_the_request_log : IDisposable
{
    private readonly Microsoft.Extensions.Time.Testing.FakeTimeProvider clock = EndToEndHost.NewClock();
    private readonly CapturedLog log = new();
    private readonly BotHost host;

    public Metrics_and_the_request_log() =>
        host = new BotHost(EndToEndHost.Settings(new()
        {
            ["Logging:LogLevel:Default"] = "Information",
            ["Hosting:KnownProxies:0"] = "127.0.0.1",
            ["Telemetry:MetricsPath"] = "/metrics",
            ["Telemetry:MetricsNetworks:0"] = "198.51.100.0/24",
        }), clock: clock, services: s => s.AddSingleton<ILoggerProvider>(log));

    [Fact]
    public async Task After_a_few_turns_the_scrape_shows_turns_latency_confidence_and_the_outbox()
    {
        using var owner = host.Owner();
        var debtor = await owner.DebtorWithInvoiceAsync("K-1", "Erika Mustermann", "de", "RE-2026-1", 300m);
        var chat = await WebChatter.OpenAsync(host.CreateHttpClient());
        await chat.JoinAsync(debtor.LinkToken, "de-DE");
        await chat.AskAsync("Wie viel muss ich zahlen?");
        await host.Services.GetRequiredService<OutboxGauges>().RefreshAsync(CancellationToken.None);

        using var http = host.CreateHttpClient();
        using var response = await http.GetAsync(new Uri("/metrics", UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches(@"dunning_turns_total\{[^}]*channel=""webchat""[^}]*\} [1-9]", text);
        Assert.Matches(@"dunning_turn_duration_milliseconds_bucket\{[^}]*channel=""webchat""[^}]*le=""2""", text);
        Assert.Matches(@"dunning_understanding_confidence_bucket\{[^}]*le=""0.9""", text);
        Assert.Matches(@"dunning_understanding_confidence_count\{[^}]*intent=""AskAmount""[^}]*\} [1-9]", text);
        Assert.Matches(@"(?m)^dunning_outbox_depth(_messages)?(\{[^}]*\})? [0-9]", text);
        Assert.Matches(@"(?m)^dunning_outbox_age_seconds(\{[^}]*\})? [0-9]", text);
    }

    [Fact]
    public async Task Only_loopback_and_the_configured_networks_may_scrape()
    {
        using var http = host.CreateHttpClient();

        Assert.Equal(HttpStatusCode.NotFound, await ScrapeAsync(http, from: "203.0.113.7"));
        Assert.Equal(HttpStatusCode.OK, await ScrapeAsync(http, from: "198.51.100.20"));
        Assert.Equal(HttpStatusCode.OK, await ScrapeAsync(http, from: null));
    }

    [Fact]
    public async Task A_refused_direct_line_call_is_logged_by_its_route_without_the_token()
    {
        const string Forged = "forged-token-abcdefghijklmnopqrstuvwxyz";
        using var http = host.CreateHttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v3/directline/conversations/c-123/activities?watermark=7");
        request.Headers.Authorization = new("Bearer", Forged);
        using var response = await http.SendAsync(request);

        Assert.True(response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden, response.StatusCode.ToString());
        var line = Assert.Single(log.Lines, l => l.Category == typeof(RequestLog).FullName && l.Text.Contains("/activities", StringComparison.Ordinal));
        Assert.Contains($"HTTP GET /v3/directline/conversations/{{conversationId}}/activities answered {(int)response.StatusCode}", line.Text, StringComparison.Ordinal);
        Assert.Empty(log.Containing(Forged));
        Assert.Empty(log.Containing("c-123"));
        Assert.Empty(log.Containing("watermark=7"));
    }

    [Fact]
    public async Task Without_a_scrape_path_or_a_collector_no_meter_provider_listens()
    {
        Assert.NotNull(host.Services.GetService<OpenTelemetry.Metrics.MeterProvider>());
        using var quiet = new BotHost(EndToEndHost.Settings());
        using var http = quiet.CreateHttpClient();

        Assert.Null(quiet.Services.GetService<OpenTelemetry.Metrics.MeterProvider>());
        Assert.Equal(HttpStatusCode.NotFound, await ScrapeAsync(http, from: null));
    }

    public void Dispose() => host.Dispose();

    private static async Task<HttpStatusCode> ScrapeAsync(HttpClient http, string? from)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        if (from is not null)
            request.Headers.Add("X-Forwarded-For", from);
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }
}

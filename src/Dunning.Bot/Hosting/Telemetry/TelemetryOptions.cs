using System.ComponentModel.DataAnnotations;

namespace Dunning.Bot.Hosting.Telemetry;

/// <summary>Section <c>Telemetry</c>: metrics, traces and the request log.</summary>
public sealed class TelemetryOptions
{
    public const string SectionName = "Telemetry";

    /// <summary>Path of the Prometheus scrape endpoint; empty turns it off.</summary>
    public string MetricsPath { get; set; } = "/metrics";

    /// <summary>
    /// Networks (CIDR) besides loopback that may scrape <see cref="MetricsPath"/>; everyone else gets 404. The client
    /// address is the one after the trusted proxies (<c>Hosting:KnownProxies</c>).
    /// </summary>
    public IList<string> MetricsNetworks { get; } = [];

    /// <summary>An OTLP collector (for example <c>http://localhost:4317</c>) that receives metrics and traces; empty: none.</summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary>One structured log line per HTTP request (method, route template, status, milliseconds — never a query or a token).</summary>
    public bool RequestLog { get; set; } = true;

    /// <summary>How often the outbox depth and age are read from storage for the gauges.</summary>
    [Range(1, 3600)]
    public int OutboxPollSeconds { get; set; } = 15;
}

using System.Net;
using Dunning.Bot.Core.Telemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Dunning.Bot.Hosting.Telemetry;

/// <summary>
/// OpenTelemetry for the bot's own meter and traces (<see cref="DunningMetrics"/>), ASP.NET Core, HttpClient and the
/// runtime: a Prometheus scrape endpoint for loopback and the configured networks, OTLP export when a collector is
/// named, and the request log.
/// </summary>
internal static class TelemetryExtensions
{
    public static IHostApplicationBuilder AddDunningTelemetry(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var section = builder.Configuration.GetSection(TelemetryOptions.SectionName);
        var settings = section.Get<TelemetryOptions>() ?? new TelemetryOptions();
        builder.Services.AddOptions<TelemetryOptions>().Bind(section).ValidateDataAnnotations()
            .Validate(o => o.MetricsNetworks.All(n => IPNetwork.TryParse(n, out _)), "Telemetry:MetricsNetworks must be networks in CIDR notation, e.g. 10.0.0.0/8.")
            .Validate(o => string.IsNullOrEmpty(o.OtlpEndpoint) || Uri.TryCreate(o.OtlpEndpoint, UriKind.Absolute, out _), "Telemetry:OtlpEndpoint must be an absolute URL.")
            .ValidateOnStart();
        builder.Services.AddSingleton<OutboxGauges>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<OutboxGauges>().Observe());

        var otel = builder.Services.AddOpenTelemetry().ConfigureResource(r => r.AddService(DunningMetrics.Name));
        // Without a scrape path or a collector nobody reads the metrics: no meter provider then (it would listen to every
        // meter in the process and keep a store per instrument).
        if (!string.IsNullOrEmpty(settings.MetricsPath) || !string.IsNullOrEmpty(settings.OtlpEndpoint))
        {
            otel.WithMetrics(metrics =>
            {
                metrics.AddMeter(DunningMetrics.Name).AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddRuntimeInstrumentation();
                if (!string.IsNullOrEmpty(settings.MetricsPath))
                    metrics.AddPrometheusExporter();
                if (!string.IsNullOrEmpty(settings.OtlpEndpoint))
                    metrics.AddOtlpExporter(o => o.Endpoint = new Uri(settings.OtlpEndpoint));
            });
        }
        if (!string.IsNullOrEmpty(settings.OtlpEndpoint))
            otel.WithTracing(tracing => tracing.AddSource(DunningMetrics.Name).AddAspNetCoreInstrumentation().AddHttpClientInstrumentation()
                .AddOtlpExporter(o => o.Endpoint = new Uri(settings.OtlpEndpoint)));
        return builder;
    }

    /// <summary>The request log (early, so it sees every answer) and the scrape endpoint; others asking for it get 404.</summary>
    public static WebApplication MapTelemetry(this WebApplication app)
    {
        var settings = app.Configuration.GetSection(TelemetryOptions.SectionName).Get<TelemetryOptions>() ?? new TelemetryOptions();
        if (settings.RequestLog)
            app.UseMiddleware<RequestLog>();
        if (string.IsNullOrEmpty(settings.MetricsPath))
            return app;
        var networks = settings.MetricsNetworks.Select(IPNetwork.Parse).ToList();
        app.UseOpenTelemetryPrometheusScrapingEndpoint(meterProvider: null,
            predicate: context => context.Request.Path == settings.MetricsPath && MayScrape(context.Connection.RemoteIpAddress, networks),
            path: null, configureBranchedPipeline: null, optionsName: null);
        return app;
    }

    private static bool MayScrape(IPAddress? address, IReadOnlyList<IPNetwork> networks)
    {
        if (address is null)
            return false;
        if (address.IsIPv4MappedToIPv6)
            address = address.MapToIPv4();
        return IPAddress.IsLoopback(address) || networks.Any(n => n.Contains(address));
    }
}

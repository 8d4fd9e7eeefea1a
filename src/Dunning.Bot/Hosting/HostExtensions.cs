namespace Dunning.Bot.Hosting;

/// <summary>What the web host adds to <see cref="DunningServices"/>: proxies, problem details, health, the console log, demo data, the creditor's face.</summary>
internal static class HostExtensions
{
    public static IHostApplicationBuilder AddDunningHost(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddForwardedHeaders();
        builder.Services.AddHostedService<DemoSeeder>();
        builder.Services.AddSingleton<CreditorProfile>();
        builder.Services.AddProblemDetails();
        builder.Services.AddHealthChecks();
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss ";
        });
        return builder;
    }

    /// <summary>The front of the pipeline: the client's address and scheme first, then errors as problem details.</summary>
    public static WebApplication UseDunningHost(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // First: everything after it (rate limits, cookies, stream URLs) sees the client's address and scheme.
        app.UseForwardedHeaders();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        return app;
    }

    public static WebApplication MapHealth(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapHealthChecks("/health");
        return app;
    }
}

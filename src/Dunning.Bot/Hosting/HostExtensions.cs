namespace Dunning.Bot.Hosting;

/// <summary>Cross-cutting host registrations: clock, logging, problem details, health.</summary>
internal static class HostExtensions
{
    public static WebApplicationBuilder AddDunningHost(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddOptions<BotOptions>().BindConfiguration(BotOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
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

    public static WebApplication MapHealth(this WebApplication app)
    {
        // First: everything after it (rate limits, cookies, stream URLs) sees the client's address and scheme.
        app.UseForwardedHeaders();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapHealthChecks("/health");
        return app;
    }
}

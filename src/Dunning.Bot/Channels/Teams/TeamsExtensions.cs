using Dunning.Bot.Conversations;
using Dunning.Bot.Conversations.State;
using Dunning.Bot.Core.Messages;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Storage;
using Microsoft.Extensions.Options;

using Dunning.Bot.Hosting;

namespace Dunning.Bot.Channels.Teams;

/// <summary>
/// Registers and maps the Teams (Bot Framework) channel. The services are always registered (they are created only
/// when used); Whether it is on follows <see cref="TeamsOptions.Enabled"/>:
/// by default on with an app id, on with authentication off in Development without one, and off (logged) elsewhere.
/// </summary>
public static partial class TeamsExtensions
{
    internal const string ConnectorClientName = "Teams.Connector";
    internal const string MetadataClientName = "Teams.Metadata";

    public static IHostApplicationBuilder AddTeams(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        // Whether the channel is on is decided from the final configuration (tests and --config add to it after this call).
        services.AddSingleton(sp => TeamsChannelState.For(sp.GetRequiredService<IOptions<TeamsOptions>>().Value, sp.GetRequiredService<IHostEnvironment>()));
        services.AddOptions<TeamsOptions>().BindConfiguration(TeamsOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TeamsOptions>, TeamsOptionsValidation>();
        services.AddHttpClient(MetadataClientName);
        services.AddHttpClient(ConnectorClientName, (sp, http) => http.Timeout = sp.GetRequiredService<IOptions<TeamsOptions>>().Value.ConnectorTimeout);

        services.AddSingleton<IBotConnectorTokenProvider, BotConnectorTokenProvider>();
        services.AddSingleton(sp => new BotFrameworkTokenValidator(
            sp.GetRequiredService<IOptions<TeamsOptions>>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<BotFrameworkTokenValidator>>(), sp.GetRequiredService<IHttpClientFactory>().CreateClient(MetadataClientName)));
        services.AddSingleton<TrustedServiceUrls>();
        services.AddSingleton<TeamsRateLimits>();
        services.AddSingleton(sp => new BotConnectorClient(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(ConnectorClientName), sp.GetRequiredService<IBotConnectorTokenProvider>(),
            sp.GetRequiredService<TrustedServiceUrls>(), sp.GetRequiredService<TeamsRateLimits>(), sp.GetRequiredService<ILogger<BotConnectorClient>>()));
        services.AddSingleton(sp => NewAdapter(sp));
        services.AddSingleton<TeamsProactiveChannel>();
        services.AddSingleton<IProactiveChannel>(sp => sp.GetRequiredService<TeamsProactiveChannel>());
        services.AddSingleton(sp => new TeamsWording(sp.GetRequiredService<MessageCatalogue>()));
        services.AddSingleton<TeamsOwnerLink>();
        services.AddSingleton<TeamsFiles>();
        services.AddSingleton<TeamsMessageEndpoint>();
        DecorateOwnerNotifier(services);
        return builder;
    }

    public static WebApplication MapTeams(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var state = app.Services.GetRequiredService<TeamsChannelState>();
        if (!state.Enabled)
        {
            LogChannelOff(app.Logger);
            return app;
        }
        var options = app.Services.GetRequiredService<IOptions<TeamsOptions>>().Value;
        TeamsAuthenticationGuard.EnsureAuthenticationAllowed(options, app.Environment, app.Logger);
        app.MapPost(TeamsMessageEndpoint.Route, (HttpContext http, TeamsMessageEndpoint endpoint, IBot bot) =>
            endpoint.HandleAsync(http, bot, http.RequestAborted)).DisableAntiforgery();
        return app;
    }

    private static TeamsAdapter NewAdapter(IServiceProvider sp)
    {
        return new TeamsAdapter(sp.GetRequiredService<BotConnectorClient>(), sp.GetRequiredService<IUnitOfWorkFactory>(), sp.GetRequiredService<ITeamsStore>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IOptions<TeamsOptions>>(), sp.GetRequiredService<ILogger<TeamsAdapter>>()).WithBotSetup(sp);
    }

    /// <summary>
    /// Wraps the IOwnerNotifier registered before <c>AddTeams</c> so alerts also reach the owner's bound Teams chat.
    /// </summary>
    private static void DecorateOwnerNotifier(IServiceCollection services) =>
        OwnerNotifierChain.Decorate(services, (sp, inner) => new TeamsOwnerNotifier(inner, sp.GetRequiredService<ITeamsStore>(),
            sp.GetRequiredService<TeamsProactiveChannel>(), sp.GetRequiredService<TeamsWording>(),
            sp.GetRequiredService<IOptions<Hosting.BotOptions>>(), sp.GetRequiredService<ILogger<TeamsOwnerNotifier>>()));

    [LoggerMessage(Level = LogLevel.Information, Message = "The Teams channel is off: Teams:Enabled is false, or Teams:AppId is empty (without Teams:AllowAnonymous in Development). /api/messages is not served.")]
    private static partial void LogChannelOff(ILogger logger);
}

/// <summary>Whether the channel is on (see <see cref="TeamsOptions.Enabled"/>); read by <c>MapTeams</c> and the proactive channel.</summary>
public sealed record TeamsChannelState(bool Enabled)
{
    public static TeamsChannelState For(TeamsOptions options, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        return new(options.Enabled ?? (!options.AuthenticationDisabled || (environment.IsDevelopment() && options.AllowAnonymous)));
    }
}

using Dunning.Bot.Channels;
using Dunning.Bot.Channels.Email;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Core.Security;
using Dunning.Bot.Hosting.Coordination;
using Dunning.Bot.Storage;
using Dunning.Bot.Storage.PostgreSql;

namespace Dunning.Bot.Hosting;

/// <summary>
/// What every part of Dunning.Bot shares, the web host and the CLI verbs alike: the clock, the <c>Bot</c> and
/// <c>Creditor</c> options, storage, the policies, the case desks, the wording of <c>dialogs/</c> and the guard against guessed secrets. Each is
/// registered here once; a verb builds its container from the same area registrations as <c>serve</c>
/// (<see cref="ForVerb"/>: <c>AddDunningServices()</c> and the areas it needs), never by registering again.
/// A test that needs another clock replaces <see cref="TimeProvider"/> explicitly.
/// </summary>
public static class DunningServices
{
    /// <summary>
    /// The services of a verb, built and not started: <paramref name="configuration"/> (as <see cref="DunningConfiguration.ForVerb"/>
    /// reads it), the shared services, then the <paramref name="areas"/> it needs. No web server, no log output.
    /// The storage is the configured provider's, as in <c>serve</c> (<c>Storage:Provider</c>: LiteDB or PostgreSQL).
    /// </summary>
    public static IHost ForVerb(IConfiguration configuration, Action<IHostApplicationBuilder> areas)
    {
        ArgumentNullException.ThrowIfNull(areas);
        var builder = Builder(configuration);
        builder.AddDunningServices();
        areas(builder);
        builder.AddPostgreSqlStorageWhenChosen();
        return builder.Build();
    }

    /// <summary>An empty builder over <paramref name="configuration"/> (verbs, and tests that build a part of the host).</summary>
    internal static HostApplicationBuilder Builder(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = DunningConfiguration.EnvironmentName,
        });
        builder.Configuration.AddConfiguration(configuration);
        return builder;
    }

    /// <summary>Registers the shared services (see the class remarks); call it first.</summary>
    public static IHostApplicationBuilder AddDunningServices(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddOptions<BotOptions>().BindConfiguration(BotOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<CreditorOptions>().BindConfiguration(CreditorOptions.SectionName);
        builder.AddDunningStorage();
        builder.AddDunningCoordination();
        builder.AddDunningPolicies();
        builder.AddDunningCases();
        builder.AddDunningMessages();

        // The process-wide counter of wrong secrets (access codes, owner link codes, passwords).
        PolicyServiceCollectionExtensions.Bind<AttemptGuardOptions>(services, builder.Configuration, AttemptGuardOptions.SectionName, o => o.Validate());
        services.AddSingleton<IAttemptGuard, AttemptGuard>();
        services.AddSingleton<OwnerCodeAttempts>();
        return builder;
    }
}

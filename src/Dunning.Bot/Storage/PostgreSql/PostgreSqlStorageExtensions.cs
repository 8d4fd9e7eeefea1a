using Dunning.Bot.Banking;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Dunning.Bot.Channels.Email;
using Dunning.Bot.Channels.Teams;
using Dunning.Bot.Channels.Telegram;
using Dunning.Bot.Channels.WebChat;
using Dunning.Bot.Staff.Accounts;
using Dunning.Bot.Staff.Audit;
using Dunning.Bot.Conversations.State;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Privacy;
using Dunning.Bot.Scheduling;
using Dunning.Bot.Uploads;

namespace Dunning.Bot.Storage.PostgreSql;

public static class PostgreSqlStorageExtensions
{
    /// <summary>The host's form of <see cref="AddPostgreSqlStorageWhenChosen(IServiceCollection, IConfiguration)"/>: call it after every other Add….</summary>
    public static IHostApplicationBuilder AddPostgreSqlStorageWhenChosen(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddPostgreSqlStorageWhenChosen(builder.Configuration);
        return builder;
    }

    /// <summary>
    /// When <c>Storage:Provider</c> is PostgreSql: validates the storage options (a clear error at start instead of a
    /// failure at the first turn), registers the one <see cref="PostgreSqlDatabase"/> and puts the PostgreSQL stores in
    /// place of the LiteDB ones for every port they implement; the schema is migrated before any other hosted service
    /// (Quartz included) starts. Call it after every other <c>Add…</c> so its registrations win. With LiteDb it only
    /// validates the options.
    /// </summary>
    public static IServiceCollection AddPostgreSqlStorageWhenChosen(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new StorageOptions();
        services.AddOptions<StorageOptions>()
            .Validate(o => o.Validate().Count == 0, "Storage options are invalid: " + string.Join(" ", options.Validate()))
            .ValidateOnStart();
        if (options.Provider != StorageProvider.PostgreSql || options.Validate().Count > 0)
            return services;
        services.AddSingleton(_ => new PostgreSqlDatabase(options.ConnectionString!));
        Use<IStorageCapabilities, PostgreSqlStorageCapabilities>(services);
        Use<IDebtorStore, PostgreSqlDebtorStore>(services);
        Use<IInvoiceStore, PostgreSqlInvoiceStore>(services);
        Use<ICaseStore, PostgreSqlCaseStore>(services);
        Use<IAgreementStore, PostgreSqlAgreementStore>(services);
        Use<IEscalationStore, PostgreSqlEscalationStore>(services);
        Use<IConversationStore, PostgreSqlConversationStore>(services);
        Use<ITranscriptStore, PostgreSqlTranscriptStore>(services);
        Use<IStorage, PostgreSqlBotStorage>(services);
        Use<IBankReviewStore, PostgreSqlBankReviewStore>(services);
        Use<IPayerAccountStore, PostgreSqlPayerAccountStore>(services);
        Use<IProofStore, PostgreSqlProofStore>(services);
        Use<IStaffAccountStore, PostgreSqlStaffAccountStore>(services);
        Use<IAuditLog, PostgreSqlAuditLog>(services);
        Use<ISigningKeyStore, PostgreSqlSigningKeyStore>(services);
        Use<IConversationPurge, PostgreSqlConversationPurge>(services);
        Use<IDebtorErasureStore, PostgreSqlDebtorErasure>(services);
        // The channels' own state and the turn's unit of work: with these nothing opens the LiteDB file.
        Use<IUnitOfWorkFactory, PostgreSqlUnitOfWorkFactory>(services);
        services.RemoveAll<ITelegramStore>();
        services.AddSingleton<ITelegramStore>(sp => new PostgreSqlTelegramStore(sp.GetRequiredService<PostgreSqlDatabase>(), Clock(sp)));
        Use<ITeamsStore, PostgreSqlTeamsStore>(services);
        Use<IWebChatStore, PostgreSqlWebChatStore>(services);
        services.RemoveAll<IEmailStore>();
        services.AddSingleton<IEmailStore>(sp => new PostgreSqlEmailStore(sp.GetRequiredService<PostgreSqlDatabase>(), Clock(sp)));
        services.RemoveAll<IOutbox>();
        services.RemoveAll<IOutboxReceipts>();
        services.AddSingleton<PostgreSqlOutbox>();
        services.AddSingleton<IOutbox>(sp => sp.GetRequiredService<PostgreSqlOutbox>());
        services.AddSingleton<IOutboxReceipts>(sp => sp.GetRequiredService<PostgreSqlOutbox>());
        services.AddSingleton<PostgreSqlTurnMiddleware>();
        // Several hosts: the turn lock's timeout and live updates across hosts (LISTEN/NOTIFY, one listening connection).
        services.AddOptions<PostgreSqlHostsOptions>().BindConfiguration(PostgreSqlHostsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.RemoveAll<IChangeNotifications>();
        services.AddSingleton<PostgreSqlChangeNotifications>();
        services.AddSingleton<IChangeNotifications>(sp => sp.GetRequiredService<PostgreSqlChangeNotifications>());
        services.AddSingleton<PostgreSqlChangeListener>();
        services.AddHostedService(sp => sp.GetRequiredService<PostgreSqlChangeListener>());
        services.AddHealthChecks().AddCheck<PostgreSqlHealthCheck>("postgresql");
        // Several hosts: one leader for one-host jobs (Telegram polling), channel send limits shared.
        services.AddPostgreSqlCoordination(configuration);
        // First of all hosted services: the tables exist before Quartz's clustered job store or a sweep looks for them.
        services.Insert(0, ServiceDescriptor.Singleton<IHostedService, PostgreSqlStartup>());
        return services;
    }

    // Verbs build bare service collections without a clock; the host registers one.
    private static TimeProvider Clock(IServiceProvider services) => services.GetService<TimeProvider>() ?? TimeProvider.System;

    private static void Use<TPort, TStore>(IServiceCollection services)
        where TPort : class
        where TStore : class, TPort
    {
        services.RemoveAll<TPort>();
        services.AddSingleton<TPort, TStore>();
    }

    /// <summary>Migrates the schema when the host starts (every host may: the migrations take an advisory lock).</summary>
    private sealed class PostgreSqlStartup(PostgreSqlDatabase database, ILogger<PostgreSqlStartup> log) : IHostedService
    {
        public async Task StartAsync(CancellationToken cancellationToken)
        {
            await database.MigrateAsync(cancellationToken).ConfigureAwait(false);
            log.LogInformation("PostgreSQL storage ready (schema at migration {Version}).", PostgreSqlMigrations.All[^1].Version);
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}

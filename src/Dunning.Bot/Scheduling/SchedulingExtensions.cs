using Dunning.Bot.Core.Cases;
using Dunning.Bot.Core.Messages;
using Dunning.Bot.Core.Policies;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Core.Scheduling;
using Dunning.Bot.Core.Statements;
using Dunning.Bot.Hosting;
using Dunning.Bot.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Quartz;

namespace Dunning.Bot.Scheduling;

public static class SchedulingExtensions
{
    /// <summary>
    /// The dunning schedule: policies, planner, outbox, dispatcher, and (when <see cref="SchedulingOptions.Enabled"/>)
    /// Quartz with the in-memory job store running the sweep (cron, and once at start-up) and the dispatcher (interval).
    /// Needs <c>AddDunningStorage</c> first. Options: <c>Scheduling</c>, <c>Dunning:Ladder</c>, <c>Dunning:Interest</c>,
    /// <c>Dunning:Contact</c>, <c>Escalation</c>.
    /// </summary>
    public static WebApplicationBuilder AddDunningScheduling(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddDunningScheduleServices(builder.Configuration);
        var options = builder.Configuration.GetSection(SchedulingOptions.SectionName).Get<SchedulingOptions>() ?? new SchedulingOptions();
        if (!options.Enabled)
            return builder;
        var storage = builder.Configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new StorageOptions();
        services.AddQuartz(q =>
        {
            q.UseDunningJobStore(storage);
            q.AddJob<SweepJob>(j => j.WithIdentity(SweepJob.Key));
            q.AddTrigger(t => t.ForJob(SweepJob.Key).WithIdentity("dunning-sweep-cron", "dunning").WithCronSchedule(options.SweepCron));
            q.AddTrigger(t => t.ForJob(SweepJob.Key).WithIdentity("dunning-sweep-start", "dunning").StartNow());
            q.AddJob<DispatchJob>(j => j.WithIdentity(DispatchJob.Key));
            q.AddTrigger(t => t.ForJob(DispatchJob.Key).WithIdentity("dunning-dispatch", "dunning").StartNow()
                .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromSeconds(options.DispatchIntervalSeconds)).RepeatForever()));
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return builder;
    }

    /// <summary>The schedule's services without Quartz (the simulate verb and tests use them directly).</summary>
    public static IServiceCollection AddDunningScheduleServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SchedulingOptions>().Bind(configuration.GetSection(SchedulingOptions.SectionName))
            .Validate(o => o.Validate().Count == 0, "Scheduling options are invalid; see SchedulingOptions.Validate.").ValidateOnStart();
        services.AddOptions<ReminderPlannerOptions>().Bind(configuration.GetSection(ReminderPlannerOptions.SectionName));
        services.AddDunningPolicies(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(_ => DialogsFolder.Catalogue(Path.Combine(AppContext.BaseDirectory, "dialogs")).EnsureValid());
        services.TryAddSingleton<EscalationDesk>();
        services.TryAddSingleton<IOwnerNotifier, LoggingOwnerNotifier>();
        services.TryAddSingleton<AgreementFollowUp>();
        services.TryAddSingleton<IAgreementFollowUps, AgreementFollowUps>();
        services.TryAddSingleton<DeliveryReceipts>();
        services.TryAddSingleton<InvoiceStatements>();
        services.TryAddSingleton<ReminderComposer>();
        services.TryAddSingleton<ReminderPlanner>();
        services.TryAddSingleton<ChannelRateLimiters>();
        services.TryAddSingleton<ScheduleSweep>();
        services.TryAddSingleton<OutboxDispatcher>();
        services.AddHostedService<ReminderWordingCheck>();
        return services;
    }

    /// <summary>Refuses to start when a ladder stage that messages debtors has no wording in a required language.</summary>
    private sealed class ReminderWordingCheck(ReminderComposer composer, IOptions<MessageCatalogueOptions> catalogue) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            var missing = composer.MissingWording(catalogue.Value.RequiredLanguages);
            return missing.Count == 0
                ? Task.CompletedTask
                : throw new InvalidOperationException("The dunning ladder needs wording that dialogs/ lacks:" + Environment.NewLine + string.Join(Environment.NewLine, missing));
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}

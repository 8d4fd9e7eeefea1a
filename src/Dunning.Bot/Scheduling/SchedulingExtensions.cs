using Dunning.Bot.Core.Messages;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Core.Reminders;
using Dunning.Bot.Storage;
using Microsoft.Extensions.Options;
using Quartz;

namespace Dunning.Bot.Scheduling;

public static class SchedulingExtensions
{
    /// <summary>
    /// The dunning schedule: policies, planner, outbox, dispatcher, and (when <see cref="SchedulingOptions.Enabled"/>)
    /// Quartz with the in-memory job store running the sweep (cron, and once at start-up) and the dispatcher (interval).
    /// Without Quartz (the simulate and sweep verbs, tests) the services are used directly. Needs <c>AddDunningServices</c>.
    /// Options: <c>Scheduling</c>.
    /// </summary>
    public static IHostApplicationBuilder AddDunningScheduling(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<SchedulingOptions>().Bind(builder.Configuration.GetSection(SchedulingOptions.SectionName))
            .Validate(o => o.Validate().Count == 0, "Scheduling options are invalid; see SchedulingOptions.Validate.").ValidateOnStart();
        services.AddOptions<ReminderPlannerOptions>().Bind(builder.Configuration.GetSection(ReminderPlannerOptions.SectionName));
        services.AddSingleton<IAgreementFollowUps, AgreementFollowUps>();
        services.AddSingleton<DeliveryReceipts>();
        services.AddSingleton<ReminderComposer>();
        services.AddSingleton<DebtorDataReader>();
        services.AddSingleton<LadderCalendar>();
        services.AddSingleton<OwnerOnlyStages>();
        services.AddSingleton<PlanWriter>();
        services.AddSingleton<ReminderPlanner>();
        services.AddSingleton<ChannelRateLimiters>();
        services.AddSingleton<ScheduleSweep>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddHostedService<ReminderWordingCheck>();

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

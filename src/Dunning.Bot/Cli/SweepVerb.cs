using Dunning.Bot.Banking;
using System.CommandLine;
using Dunning.Bot.Channels.Email;
using Dunning.Bot.Channels.Teams;
using Dunning.Bot.Channels.Telegram;
using Dunning.Bot.Channels.WebChat;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Core.Reminders;
using Dunning.Bot.Hosting;
using Dunning.Bot.Scheduling;
using Dunning.Bot.Storage;
using Dunning.Bot.Storage.PostgreSql;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Dunning.Bot.Cli;

/// <summary>
/// <c>sweep [--dry-run] [--config file]</c>: one sweep and one dispatch now, with the host's real channels, then exits —
/// for cron-style deployments and for checking a configuration. Prints one line per debtor the sweep looked at
/// (debtor, channel, stage, outcome) and a summary. <c>--dry-run</c> plans on a private copy of the data (<see cref="PrivateCopy"/>, LiteDB or PostgreSQL) and sends nothing.
/// Exit codes: 0 done, 1 no database, 2 usage.
/// </summary>
internal sealed class SweepVerb : ICliVerb
{
    public string Name => "sweep";

    public string Summary => "run one sweep and one dispatch now, print one line per message, exit [--dry-run]";

    public async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var dryRunOption = VerbLine.DryRun();
        var config = VerbLine.ConfigFile();
        if (VerbLine.Parse(new Command(Name) { dryRunOption, config }, args, error, "usage: sweep [--dry-run] [--config <settings.json>]") is not { } line)
            return 2;
        var dryRun = line.GetValue(dryRunOption);
        var rest = VerbLine.ConfigArguments(line.GetValue(config));
        var configuration = DunningConfiguration.ForVerb(rest);
        var storage = configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new StorageOptions();
        if (dryRun)
        {
            var (copy, exitCode) = await PrivateCopy.CreateAsync(Name, configuration, error, cancellationToken);
            if (copy is null)
                return exitCode;
            using (copy)
            {
                await using var app = Build(rest, copy.Settings, dryRun: true);
                return await SweepAsync(app.Services, dryRun: true, output, cancellationToken);
            }
        }
        if (storage.Provider == StorageProvider.PostgreSql)
        {
            await using var shared = Build(rest, new Dictionary<string, string?>());
            return await SweepAsync(shared.Services, dryRun: false, output, cancellationToken);
        }
        if (await PrivateCopy.ExistingFileAsync(storage.Path, error) is not { } source)
            return 1;
        await using var direct = Build(rest, new Dictionary<string, string?> { ["Storage:Path"] = source, ["Storage:Connection"] = null });
        return await SweepAsync(direct.Services, dryRun: false, output, cancellationToken);
    }

    /// <summary>
    /// The host's registrations (channels included) without starting it: no Quartz, no demo data, no web server;
    /// <paramref name="storage"/> overrides the storage settings (a private copy's, see <see cref="PrivateCopy.Settings"/>).
    /// </summary>
    private static WebApplication Build(string[] args, IReadOnlyDictionary<string, string?> storage, bool dryRun = false)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = DunningConfiguration.WithoutConfigFile(args),
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = DunningConfiguration.EnvironmentName,
        });
        DunningConfiguration.AddConfigFile(builder.Configuration, args);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(storage)
        {
            ["Scheduling:Enabled"] = "false",
            ["Bot:SeedDemoData"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        builder.AddDunningServices();
        builder.AddDunningHost();
        // The schedule ends "already paid" pauses a bank booking settled (see Banking/ClaimPaidPauses), as the host does.
        builder.AddDunningBanking();
        builder.AddDunningConversations();
        builder.AddTelegram();
        builder.AddWebChat();
        builder.AddTeams();
        builder.AddEmail();
        builder.AddDunningScheduling();
        builder.AddPostgreSqlStorageWhenChosen();
        if (dryRun)
        {
            // A dry run alerts nobody: an escalation it raises in the copy (a stage that escalates to the owner) ends in
            // the log, never in the owner's Telegram or Teams chat or mailbox.
            builder.Services.RemoveAll<IOwnerNotifier>();
            builder.Services.AddSingleton<IOwnerNotifier, LoggingOwnerNotifier>();
        }
        return builder.Build();
    }

    private static async Task<int> SweepAsync(IServiceProvider services, bool dryRun, TextWriter output, CancellationToken cancellationToken)
    {
        var planned = new List<PlanResult>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var sweep = await services.GetRequiredService<ScheduleSweep>().SweepAsync(now, cancellationToken, planned.Add);
        var dispatch = dryRun ? DispatchReport.Empty : await services.GetRequiredService<OutboxDispatcher>().DispatchAsync(cancellationToken);
        var outbox = services.GetRequiredService<IOutbox>();
        foreach (var result in planned.OrderBy(r => r.DebtorId, StringComparer.Ordinal))
        {
            var entry = result.Entry is { } e && !dryRun ? await outbox.FindAsync(e.Key, cancellationToken) ?? e : result.Entry;
            var outcome = result.Outcome != PlanOutcome.Enqueued ? $"{result.Outcome.ToString().ToLowerInvariant()} ({result.Reason})"
                : dryRun ? "would send"
                : entry!.Status == OutboxStatus.Sent ? "sent"
                : $"{entry.Status.ToString().ToLowerInvariant()}{(entry.LastError is { } why ? $" ({why})" : "")}";
            await output.WriteLineAsync($"{result.DebtorId}\t{entry?.Channel ?? "-"}\t{result.StageKey ?? "-"}\t{outcome}");
        }
        await output.WriteLineAsync($"{(dryRun ? "dry run: " : "")}sweep: {sweep}; dispatch: sent {dispatch.Sent}, retried {dispatch.Retried}, dead {dispatch.Dead}, cancelled {dispatch.Cancelled}, deferred {dispatch.Deferred}");
        return 0;
    }
}

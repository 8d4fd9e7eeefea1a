using System.CommandLine;
using System.Globalization;
using Dunning.Bot.Channels;
using Dunning.Bot.Core.Cases;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Core.Reminders;
using Dunning.Bot.Hosting;
using Dunning.Bot.Scheduling;
using Dunning.Bot.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Dunning.Bot.Cli;

/// <summary>
/// <c>simulate [--days 90] [--debtor ID] [--today YYYY-MM-DD] [--config file]</c>: previews the dunning policy on a
/// private copy of the data (<see cref="PrivateCopy"/>: the real LiteDB file or PostgreSQL database is never written)
/// and prints each debtor's timeline in the debtor's own time zone with the rule that allowed, moved or suppressed each message. Assumes no payment arrives.
/// Exit codes: 0 done, 1 no database or unknown debtor, 2 usage.
/// </summary>
internal sealed partial class SimulateVerb : ICliVerb
{
    public string Name => "simulate";

    public string Summary => "preview the reminders each debtor would get (on a copy of the data)";

    public async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var days = new Option<int>("--days")
        {
            DefaultValueFactory = _ => 90,
            CustomParser = r => int.TryParse(r.Tokens[0].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 3660 ? n : VerbLine.Invalid<int>(r),
        };
        var debtor = new Option<string?>("--debtor")
        {
            CustomParser = r => r.Tokens[0].Value is { Length: > 0 and <= 200 } id && !string.IsNullOrWhiteSpace(id) ? id : VerbLine.Invalid<string?>(r),
        };
        var today = VerbLine.Date("--today");
        var config = VerbLine.ConfigFile();
        config.CustomParser = r => File.Exists(r.Tokens[0].Value) ? r.Tokens[0].Value : VerbLine.Invalid<string?>(r);
        if (VerbLine.Parse(new Command(Name) { days, debtor, today, config }, args, error, "usage: simulate [--days 90] [--debtor ID] [--today YYYY-MM-DD] [--config file]") is not { } line)
            return 2;
        var options = new Options(line.GetValue(days), line.GetValue(debtor), line.GetValue(today), line.GetValue(config));
        var configuration = DunningConfiguration.ForVerb(VerbLine.ConfigArguments(options.ConfigFile));
        var (copy, exitCode) = await PrivateCopy.CreateAsync(Name, configuration, error, cancellationToken);
        if (copy is null)
            return exitCode;
        using (copy)
            return await SimulateAsync(configuration, copy, options, output, error, cancellationToken);
    }

    private static async Task<int> SimulateAsync(IConfiguration configuration, PrivateCopy copy, Options options, TextWriter output, TextWriter error,
        CancellationToken cancellationToken)
    {
        var start = options.Today is { } today ? new DateTimeOffset(today.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : TimeProvider.System.GetUtcNow();
        var clock = new ManualClock(start);
        var overrides = new ConfigurationBuilder().AddConfiguration(configuration).AddInMemoryCollection(new Dictionary<string, string?>(copy.Settings)
        {
            ["Scheduling:Enabled"] = "false",
        }).Build();
        using var host = DunningServices.ForVerb(overrides, b =>
        {
            // The simulation's own clock and channels that only record, in place of the system's.
            b.Services.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock));
            foreach (var channel in ChannelKind.All)
                b.Services.AddSingleton<IProactiveChannel>(new RecordingChannel(channel));
            b.AddDunningScheduling();
            b.Services.AddSingleton(sp => new ScheduleSimulation(sp.GetRequiredService<IDebtorStore>(), sp.GetRequiredService<ICaseStore>(),
                sp.GetRequiredService<IConversationStore>(), sp.GetRequiredService<IOutbox>(), sp.GetRequiredService<ScheduleSweep>(),
                sp.GetRequiredService<OutboxDispatcher>(), clock.GetUtcNow, clock.MoveTo));
        });
        var provider = host.Services;

        var simulation = provider.GetRequiredService<ScheduleSimulation>();
        var debtors = await simulation.PrepareAsync(options.Debtor, cancellationToken);
        if (options.Debtor is not null && debtors.Count == 0)
        {
            await error.WriteLineAsync($"No debtor '{options.Debtor}' in the database.");
            return 1;
        }
        var events = await simulation.RunAsync(start.AddDays(options.Days), cancellationToken);
        var business = provider.GetRequiredService<EscalationDesk>().Business;
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Simulation from {start:yyyy-MM-dd HH:mm} UTC for {options.Days} days on a copy of the data; no payments assumed; answer times in the owner's zone ({business.Zone.Id})."));
        var cases = provider.GetRequiredService<ICaseStore>();
        var escalations = provider.GetRequiredService<IEscalationStore>();
        foreach (var (debtor, assumed) in debtors.OrderBy(d => d.Debtor.Id, StringComparer.Ordinal))
        {
            var offers = (await cases.FindAsync(debtor.Id, cancellationToken))?.History.Where(a => a.Kind == CaseActionKinds.Offer && a.At >= start).ToList() ?? [];
            var raised = (await escalations.ListByDebtorAsync(debtor.Id, cancellationToken)).Where(e => e.RaisedAt >= start).ToList();
            await WriteTimelineAsync(output, debtor, assumed, events.Where(e => e.Result.DebtorId == debtor.Id).ToList(), offers, raised, business.Zone);
        }
        return 0;
    }

    private sealed record Options(int Days, string? Debtor, DateOnly? Today, string? ConfigFile);
}

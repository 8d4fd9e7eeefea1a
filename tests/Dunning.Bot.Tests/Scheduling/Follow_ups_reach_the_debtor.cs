using Dunning.Bot.Core.Claims;
using Dunning.Bot.Cli;
using Dunning.Bot.Core.Cases;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Policies;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Core.Reminders;
using Dunning.Bot.Storage;
using Dunning.Bot.Storage.LiteDb;
using Dunning.Bot.Tests.Storage;

namespace Dunning.Bot.Tests.Scheduling;

/// <summary>The host's schedule follows up agreements: registered for real, delivered by the dispatcher, shown by simulate.</summary>
public sealed class Follow_ups_reach_the_debtor
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public void The_schedule_registers_the_real_agreement_follow_ups()
    {
        using var world = new ScheduleWorld();

        Assert.IsType<AgreementFollowUps>(world.Get<IAgreementFollowUps>());
    }

    [Fact]
    public async Task A_kept_promise_is_thanked_once_through_the_sweep_and_the_dispatcher()
    {
        using var world = new ScheduleWorld("2026-03-10T09:00:00+01:00");
        var debtor = await world.AddDebtorAsync("D-1", due: "2026-03-05", total: 500m);
        var promise = await world.Create<AgreementDesk>(world.Create<Core.Statements.InvoiceStatements>()).AgreeAsync(debtor,
            new NegotiationTerms(AgreementKind.Deferral, "EUR", [new Instalment(new DateOnly(2026, 3, 12), 500m)]), ["RE-D-1"], promise: true, None);
        await world.Get<ClaimBook>().PayAsync("RE-D-1", new Payment(new DateOnly(2026, 3, 10), 500m, "bank"), "test", None);
        await world.Sweep.SweepAsync(None);
        await world.Dispatcher.DispatchAsync(None);
        Assert.Empty(world.Channel.Sent);

        world.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 13, 8, 0, 0, TimeSpan.FromHours(1)));
        var sweep = await world.Sweep.SweepAsync(None);
        var dispatch = await world.Dispatcher.DispatchAsync(None);
        world.Clock.Advance(TimeSpan.FromHours(2));
        await world.Cases.TouchAsync("D-1", world.Now, None);
        await world.Sweep.SweepAsync(None);
        await world.Dispatcher.DispatchAsync(None);

        Assert.Equal((1, 1), (sweep.Of(PlanOutcome.Enqueued), dispatch.Sent));
        var (_, conversation, text) = Assert.Single(world.Channel.Sent);
        Assert.Equal("chat-D-1", conversation);
        Assert.Contains("vielen Dank", text, StringComparison.Ordinal);
        var entry = await world.SingleEntryAsync("D-1");
        Assert.Equal(($"follow_up:{promise.Id}:kept", OutboxStatus.Sent), (entry.Key, entry.Status));
        Assert.Equal(AgreementState.Kept, (await world.Get<IAgreementStore>().FindAsync(promise.Id, None))!.State);
        var history = (await world.CaseAsync("D-1")).History;
        Assert.Single(history, a => a.Summary == $"Agreement {promise.Id} kept");
        Assert.Single(history, a => a.Kind == CaseActionKinds.Reminder && a.Summary.StartsWith("follow_up kept sent", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Simulate_shows_the_follow_up_of_a_promise_in_the_timeline()
    {
        using var database = new TempDatabase();
        using (var context = database.Open())
        {
            var made = new DateTimeOffset(2026, 11, 21, 9, 0, 0, TimeSpan.FromHours(1));
            var debtor = new Debtor { Id = "D-P", Name = "Promise GmbH", Language = "de", AccessCode = "PRPR2345", LinkToken = "pr-link" };
            var invoice = Invoice.Create("RE-P", "D-P", new DateOnly(2026, 10, 20), new DateOnly(2026, 11, 20), "EUR", 900m);
            var promise = new NegotiationTerms(AgreementKind.Deferral, "EUR", [new Instalment(new DateOnly(2026, 11, 25), 900m)]).ToAgreement("A-P", "D-P", ["RE-P"], made);
            promise.Agree(made, AgreementDesk.Bot);
            invoice.PauseDunning("agreement A-P", new DateTimeOffset(2026, 11, 26, 0, 0, 0, TimeSpan.FromHours(1)), made);
            await new LiteInvoiceStore(context).SaveBatchAsync([debtor], [invoice], [new DunningCase { DebtorId = "D-P" }], None);
            await new LiteAgreementStore(context).SaveAsync(promise, None);
        }
        var config = Path.Combine(database.Folder, "config.json");
        await File.WriteAllTextAsync(config, $$"""{ "Storage": { "Path": "{{database.Path.Replace("\\", "\\\\", StringComparison.Ordinal)}}" } }""");
        var output = new StringWriter();
        var error = new StringWriter();

        var code = await new SimulateVerb().RunAsync(["--days", "10", "--today", "2026-11-22", "--debtor", "D-P", "--config", config], output, error, None);

        Assert.True(code == 0, error.ToString());
        var text = output.ToString();
        Assert.Contains("2026-11-26 08:00  follow_up.broken   RE-P             sent (ok)", text, StringComparison.Ordinal);
        Assert.Contains("2026-11-28 08:00  reminder.friendly  RE-P", text, StringComparison.Ordinal);
    }
}

using System.Globalization;
using Dunning.Bot.Conversations;
using Dunning.Bot.Core.Cases;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Messages;
using Dunning.Bot.Core.Policies;
using Dunning.Bot.Core.Reminders;
using Dunning.Bot.Core.Statements;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Dunning.Bot.Core.Tests.Reminders;

/// <summary>A planner over in-memory ports, the repository's dialogs and a fake clock; helpers to seed debtors and step time.</summary>
internal sealed class PlannerWorld
{
    private static MessageCatalogue Catalogue => RepositoryFiles.Catalogue;

    public PlannerWorld(string start, ContactRulesOptions? contact = null, DunningLadderOptions? ladder = null, IAgreementFollowUps? followUps = null,
        NegotiationLimitsOptions? limits = null)
    {
        Clock = new FakeTimeProvider(At(start));
        var holidays = new HolidayCalendar();
        Ladder = new DunningLadder(Options.Create(ladder ?? new DunningLadderOptions()), holidays);
        Contact = new ContactRules(Options.Create(contact ?? new ContactRulesOptions()), holidays);
        Limits = new NegotiationLimits(Options.Create(limits ?? new NegotiationLimitsOptions()), holidays);
        var ledger = new Core.Claims.ClaimLedger(Options.Create(new Core.Claims.ClaimOptions()), new StatutoryInterest(Options.Create(new StatutoryInterestOptions())), Ladder);
        var statements = new Statements.InvoiceStatements(Ports, Ports, ledger, Clock);
        Composer = new ReminderComposer(Catalogue, Ladder, statements, Limits);
        var desk = new EscalationDesk(Ports, Ports, Ports, Ports, Options.Create(new EscalationOptions()), Clock);
        AgreementDesk = new AgreementDesk(Agreements, Ports, Ports, desk, Ladder, statements, Options.Create(new AgreementOptions()), Clock);
        FollowUps = followUps ?? new AgreementFollowUps(Agreements, new AgreementFollowUp(Agreements, Ports, Ports, desk, new Core.Claims.ClaimBook(Ports, Ports, Ports, ledger, Clock)), Catalogue);
        var planning = Options.Create(new ReminderPlannerOptions());
        var calendar = new LadderCalendar(Ladder, Contact, planning);
        Planner = new ReminderPlanner(new DebtorDataReader(Ports, Ports, Ports, Ports, Ports, FollowUps), calendar, new OwnerOnlyStages(calendar, desk, Ports),
            Contact, desk, FollowUps, new PlanWriter(Ports, Ports), planning);
    }

    public InMemoryPorts Ports { get; } = new();

    public Fakes.InMemoryAgreementStore Agreements { get; } = new();

    public AgreementDesk AgreementDesk { get; }

    public IAgreementFollowUps FollowUps { get; }

    public FakeTimeProvider Clock { get; }

    public DunningLadder Ladder { get; }

    public ContactRules Contact { get; }

    public ReminderComposer Composer { get; }

    public NegotiationLimits Limits { get; }

    public ReminderPlanner Planner { get; }

    public DateTimeOffset Now => Clock.GetUtcNow();

    public static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture);

    public static DateOnly Day(string iso) => DateOnly.Parse(iso, CultureInfo.InvariantCulture);

    /// <summary>A debtor reachable on Telegram through a bound, bot-owned chat, with a case due now.</summary>
    public Debtor AddDebtor(string id, string timeZone = "Europe/Berlin", string country = "DE", string? state = null,
        DebtorKind kind = DebtorKind.Consumer, string language = "de")
    {
        var debtor = new Debtor
        {
            Id = id, Name = $"Kunde {id}", Kind = kind, TimeZone = timeZone, Country = country, State = state, Language = language,
            AccessCode = "C" + id, LinkToken = "T" + id,
        };
        debtor.Reach(ChannelKind.Telegram, "chat-" + id);
        Ports.Debtors[id] = debtor;
        var link = new ConversationLink
        {
            Key = ConversationLink.KeyFor(ChannelKind.Telegram, "chat-" + id),
            Channel = ChannelKind.Telegram,
            Reference = new ConversationReference { ChannelId = ChannelKind.Telegram, Conversation = new ConversationAccount { Id = "chat-" + id } },
            Language = language,
            LastInboundAt = Now.AddDays(-30),
        };
        link.LinkTo(id, Now.AddDays(-30));
        Ports.Links[link.Key] = link;
        Ports.Cases[id] = new DunningCase { DebtorId = id, NextActionAt = Now, Version = 1 };
        return debtor;
    }

    public Invoice AddInvoice(string debtorId, string number, string due, decimal total = 500m, string currency = "EUR")
    {
        var dueDate = Day(due);
        var invoice = Invoice.Create(number, debtorId, dueDate.AddDays(-14), dueDate, currency, total);
        Ports.Invoices[number] = invoice;
        return invoice;
    }

    public DunningCase Case(string debtorId) => Ports.Cases[debtorId];

    /// <summary>The text the dispatcher would send for a planned reminder now (reminders carry their plan, not text).</summary>
    public string Rendered(OutboxEntry entry) => Composed(entry).Text;

    /// <summary>The reminder the dispatcher would send for a planned entry now, with the offer it makes.</summary>
    public ComposedReminder Composed(OutboxEntry entry) =>
        Composer.Compose(entry, Ports.Debtors[entry.DebtorId], Ports.Cases.GetValueOrDefault(entry.DebtorId) ?? new DunningCase { DebtorId = entry.DebtorId },
            [.. Ports.Invoices.Values.Where(i => i.DebtorId == entry.DebtorId)], Now);

    public Task<PlanResult> PlanAsync(string debtorId) => Planner.PlanAsync(debtorId, Now, CancellationToken.None);

    /// <summary>
    /// One sweep as the host runs it: the due cases preloaded, planned into one buffer, committed together, then the
    /// after-commit actions of the writes that landed. <paramref name="beforeCommit"/> stages a concurrent change;
    /// <paramref name="applyAfterCommit"/> false stages a crash right after the commit.
    /// </summary>
    public async Task<List<PlanResult>> SweepAsync(bool applyAfterCommit = true, Action? beforeCommit = null)
    {
        var due = await Ports.ListDueAsync(Now, 100, CancellationToken.None);
        var buffer = new PlanBuffer();
        await Planner.PreloadAsync(due, buffer, CancellationToken.None);
        var results = new List<PlanResult>();
        foreach (var dueCase in due)
            results.Add(await Planner.PlanAsync(dueCase.DebtorId, Now, buffer, CancellationToken.None));
        beforeCommit?.Invoke();
        var landed = await Ports.CommitAsync(buffer.Writes, CancellationToken.None);
        if (applyAfterCommit)
        {
            foreach (var action in buffer.AfterCommit(landed))
                await action(CancellationToken.None);
        }
        return results;
    }

    /// <summary>
    /// Runs the schedule from now for <paramref name="days"/>: wakes at each case's NextActionAt (as the sweep would),
    /// plans, and delivers what was enqueued at once. Returns every plan result with its instant.
    /// </summary>
    public async Task<List<(DateTimeOffset At, PlanResult Result)>> RunAsync(string debtorId, int days)
    {
        var end = Now.AddDays(days);
        var log = new List<(DateTimeOffset, PlanResult)>();
        for (var guard = 0; guard < 1000; guard++)
        {
            var next = Case(debtorId).NextActionAt;
            if (next is null || next > end)
                break;
            if (next > Now)
                Clock.SetUtcNow(next.Value);
            var result = await PlanAsync(debtorId);
            log.Add((Now, result));
            if (result.Outcome == PlanOutcome.Enqueued)
                Ports.Deliver(Now);
        }
        return log;
    }
}

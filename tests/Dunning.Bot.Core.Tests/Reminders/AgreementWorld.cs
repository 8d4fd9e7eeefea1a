using Dunning.Bot.Core.Tests.Fakes;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Policies;
using Dunning.Bot.Core.Reminders;

namespace Dunning.Bot.Core.Tests.Reminders;

/// <summary>A <see cref="PlannerWorld"/> with debtor D-1, invoice RE-1 (due 31 Oct 2026) and one agreement made now about it.</summary>
internal static class AgreementWorld
{
    public static async Task<(PlannerWorld World, PaymentAgreement Agreement)> AgreedAsync(string start, NegotiationTerms terms,
        string zone = "Europe/Berlin", string country = "DE", string language = "de")
    {
        var world = new PlannerWorld(start);
        var debtor = world.AddDebtor("D-1", zone, country, language: language);
        world.AddInvoice("D-1", "RE-1", "2026-10-31", terms.Schedule.Sum(i => i.Amount));
        var agreement = await world.AgreementDesk.AgreeAsync(debtor, terms, ["RE-1"], promise: terms.Schedule.Count == 1, CancellationToken.None);
        return (world, agreement);
    }

    public static NegotiationTerms Promise(string date, decimal amount = 480m) =>
        new(AgreementKind.Deferral, "EUR", [new Instalment(PlannerWorld.Day(date), amount)]);

    public static NegotiationTerms Plan(decimal each, params string[] dates) =>
        new(AgreementKind.InstalmentPlan, "EUR", [.. dates.Select(d => new Instalment(PlannerWorld.Day(d), each))]);

    public static void Pay(this PlannerWorld world, string date, decimal amount) =>
        world.Ports.Invoices["RE-1"].Book(new Payment(PlannerWorld.Day(date), amount, "bank " + date));

    public static List<OutboxEntry> FollowUps(this PlannerWorld world) =>
        [.. world.Ports.Outbox.Where(e => e.Kind == OutboxKinds.FollowUp).OrderBy(e => e.CreatedAt)];

    public static PaymentAgreement Stored(this PlannerWorld world, PaymentAgreement agreement) =>
        world.Agreements.FindAsync(agreement.Id, CancellationToken.None).GetAwaiter().GetResult()!;

    public static List<Escalation> BrokenPromises(this PlannerWorld world) =>
        [.. world.Ports.Escalations.Where(e => e.Reason == EscalationReason.BrokenPromise)];

    public static string Local(this DateTimeOffset instant, string zone) =>
        TimeZoneInfo.ConvertTime(instant, TimeZoneInfo.FindSystemTimeZoneById(zone)).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}

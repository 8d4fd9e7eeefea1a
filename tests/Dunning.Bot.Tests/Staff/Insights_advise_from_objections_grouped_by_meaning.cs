using System.Net;
using System.Text;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Staff.Insights;
using Dunning.Bot.Tests.EndToEnd;

namespace Dunning.Bot.Tests.Staff;

/// <summary>
/// Seeded cases: two debtors say the hours were not agreed, one reports a defect, one says nothing arrived, two say they
/// paid already. The insights group these by meaning (once per debtor), advise in the owner's language when a group is
/// frequent, rate promises per ladder stage, show what each stage brought in, and export all of it as CSV.
/// </summary>
public sealed class Insights_advise_from_objections_grouped_by_meaning : IDisposable
{
    private readonly StaffHost host = new(EndToEndHost.Settings());

    [Fact]
    public async Task Objections_are_grouped_by_meaning_once_per_debtor_with_shares_of_their_family()
    {
        await SeedAsync();

        var report = await host.Get<InsightsReport>().BuildAsync(CancellationToken.None);

        Assert.Equal(
            [("dispute_hours", 2, 4), ("claimed_paid", 2, 4), ("dispute_quality", 1, 4), ("dispute_not_received", 1, 4)],
            report.ObjectionGroups.Select(g => (g.Group, g.Debtors, g.FamilyTotal)));
        Assert.Equal(0.5m, report.ObjectionGroups[0].Share);
        Assert.Contains(new MonthCount("2026-11", "dispute_hours", 2), report.ObjectionTrend);
        Assert.Contains(new MonthCount("2026-10", "claimed_paid", 2), report.ObjectionTrend);
    }

    [Fact]
    public async Task Frequent_groups_get_advice_in_the_owners_language_and_rare_ones_none()
    {
        await SeedAsync();
        var report = await host.Get<InsightsReport>().BuildAsync(CancellationToken.None);
        var advice = host.Get<InsightsAdvice>();

        var german = advice.For(report, "de");
        var english = advice.For(report, "en");

        Assert.Equal(["dispute_hours", "claimed_paid"], german.Select(a => a.Group));
        Assert.StartsWith("50 % der Einwände gegen Rechnungen (2 von 4) sagen, die Stunden seien nicht vereinbart gewesen", german[0].Text, StringComparison.Ordinal);
        Assert.Contains("Stundensatz schon im Angebot", german[0].Text, StringComparison.Ordinal);
        Assert.StartsWith("50% of disputes (2 of 4) say the hours were not agreed", english[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Promise_reliability_and_recovery_are_reported_per_ladder_stage_from_the_claim_ledger()
    {
        await SeedAsync();

        var report = await host.Get<InsightsReport>().BuildAsync(CancellationToken.None);

        Assert.Equal([(0, 0, 1, (decimal?)0m), (1, 1, 1, 0.5m)], report.PromisesByStage.Select(p => (p.Stage, p.Kept, p.Broken, p.KeptRate)));
        Assert.Equal("reminder.friendly", report.PromisesByStage[1].StageKey);
        Assert.Equal([(0, "EUR", 1, 50m), (1, "EUR", 1, 100m)], report.Yield.Select(y => (y.Stage, y.Currency, y.Payments, y.Recovered)));
    }

    [Fact]
    public async Task The_console_shows_the_advice_in_German_and_exports_a_csv()
    {
        await SeedAsync();
        using var staff = await host.SignedInAsync("sam", "de-DE,de;q=0.9,en;q=0.5");

        var page = WebUtility.HtmlDecode(await staff.GetStringAsync("/console/insights"));
        using var csv = await staff.GetAsync("/console/insights.csv?lang=de");

        Assert.Contains("Was Sie ändern können", page, StringComparison.Ordinal);
        Assert.Contains("die Stunden seien nicht vereinbart gewesen", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(",", InsightsCsv.Columns), lines[0]);
        Assert.Contains(lines, l => l.StartsWith("objections,dispute_hours,Einwände: Stunden oder Arbeitszeit nicht vereinbart,,,,2,4,0.5,,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("advice,claimed_paid,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("recovered_by_stage,reminder.friendly,freundliche Erinnerung,,1,EUR,1,,,100.00,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("promises_by_stage,reminder.friendly,freundliche Erinnerung,,1,,1,2,0.5,,", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_api_exports_the_same_csv_with_the_owner_key_and_refuses_a_bad_language()
    {
        await SeedAsync();
        using var http = host.Host.CreateHttpClient();
        http.DefaultRequestHeaders.Add(Dunning.Bot.Api.ApiKeys.HeaderName, EndToEndHost.ApiKey);

        using var csv = await http.GetAsync(new Uri("/api/v1/insights.csv?lang=en", UriKind.Relative));
        using var json = await http.GetAsync(new Uri("/api/v1/insights", UriKind.Relative));
        using var bad = await http.GetAsync(new Uri("/api/v1/insights.csv?lang=fr", UriKind.Relative));
        using var anonymous = await host.Host.CreateHttpClient().GetAsync(new Uri("/api/v1/insights.csv", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Contains("objections,dispute_hours,Disputes: hours or working time not agreed", await csv.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, json.StatusCode);
        Assert.Contains("\"advice\"", await json.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task Without_any_objection_there_is_no_advice_and_the_csv_has_only_its_header_and_stage_rows()
    {
        var report = await host.Get<InsightsReport>().BuildAsync(CancellationToken.None);

        Assert.Empty(report.ObjectionGroups);
        Assert.Empty(host.Get<InsightsAdvice>().For(report, "de"));
        var csv = Encoding.UTF8.GetString(host.Get<InsightsCsv>().Write(report, "de"));
        Assert.DoesNotContain("objections,", csv, StringComparison.Ordinal);
    }

    private async Task SeedAsync()
    {
        var now = host.Clock.GetUtcNow();
        var october = new DateTimeOffset(2026, 10, 5, 9, 0, 0, TimeSpan.Zero);
        Debtor New(string id) => new() { Id = id, Name = $"Kunde {id}", AccessCode = $"AC{id[2..]}XYZ", LinkToken = $"tok_{id}_abcdefghijklmnop" };
        var paidAfterReminder = Invoice.Create("RE-1", "D-1", new DateOnly(2026, 9, 1), new DateOnly(2026, 9, 15), "EUR", 100m);
        paidAfterReminder.RecordPayment(new Payment(new DateOnly(2026, 10, 10), 100m, "RE-1"));
        var paidEarly = Invoice.Create("RE-2", "D-2", new DateOnly(2026, 9, 1), new DateOnly(2026, 9, 30), "EUR", 120m);
        paidEarly.RecordPayment(new Payment(new DateOnly(2026, 9, 20), 50m, "RE-2"));
        var neverArrived = Invoice.Create("RE-4", "D-4", new DateOnly(2026, 9, 1), new DateOnly(2026, 9, 30), "EUR", 80m);
        neverArrived.MarkDisputed("The parcel never arrived");
        await host.Get<IInvoiceStore>().SaveBatchAsync([New("D-1"), New("D-2"), New("D-3"), New("D-4")],
            [paidAfterReminder, paidEarly, Invoice.Create("RE-3", "D-3", new DateOnly(2026, 9, 1), new DateOnly(2026, 9, 30), "EUR", 60m), neverArrived],
            [new DunningCase { DebtorId = "D-1" }, new DunningCase { DebtorId = "D-2" }, new DunningCase { DebtorId = "D-3" }, new DunningCase { DebtorId = "D-4" }],
            CancellationToken.None);
        var cases = host.Get<ICaseStore>();
        await cases.UpdateAsync("D-1", c =>
        {
            c.Record(new CaseAction(new DateTimeOffset(2026, 10, 1, 8, 0, 0, TimeSpan.Zero), CaseActionKinds.Reminder, "First reminder", "webchat", ["RE-1"], "bot"));
            c.Record(new CaseAction(now, CaseActionKinds.Dispute, "Die Arbeitsstunden waren so nicht vereinbart"));
            c.Record(new CaseAction(now, CaseActionKinds.Dispute, "Stundensatz zu hoch")); // the same debtor and meaning: counted once
        }, CancellationToken.None);
        await cases.UpdateAsync("D-2", c => c.Record(new CaseAction(now, CaseActionKinds.Dispute, "You billed 6 hours, we agreed on 3")), CancellationToken.None);
        await cases.UpdateAsync("D-3", c =>
        {
            c.Record(new CaseAction(new DateTimeOffset(2026, 10, 1, 8, 0, 0, TimeSpan.Zero), CaseActionKinds.Reminder, "First reminder", "webchat", ["RE-3"], "bot"));
            c.Record(new CaseAction(now, CaseActionKinds.Objection, "Die Heizung ist schon wieder kaputt"));
        }, CancellationToken.None);
        var transcripts = host.Get<ITranscriptStore>();
        foreach (var debtor in new[] { "D-2", "D-4" })
            await transcripts.AppendAsync(new TranscriptEntry($"webchat/{debtor}", debtor, october, TranscriptDirection.Inbound, "message", "I already paid this"), CancellationToken.None);
        var agreements = host.Get<IAgreementStore>();
        foreach (var (id, debtor, invoice, kept) in new[] { ("A-1", "D-1", "RE-1", true), ("A-2", "D-2", "RE-2", false), ("A-3", "D-3", "RE-3", false) })
        {
            var agreement = new PaymentAgreement
            {
                Id = id, DebtorId = debtor, Kind = AgreementKind.Deferral, InvoiceNumbers = [invoice], Currency = "EUR",
                Schedule = [new Instalment(new DateOnly(2026, 11, 1), 10m)], CreatedAt = october,
            };
            agreement.Agree(october, "bot");
            if (kept) agreement.MarkKept(); else agreement.MarkBroken();
            await agreements.SaveAsync(agreement, CancellationToken.None);
        }
    }

    public void Dispose() => host.Dispose();
}

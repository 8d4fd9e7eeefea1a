using System.Net.Http.Json;
using Dunning.Bot.Banking;
using Dunning.Bot.Core.Reminders;
using Dunning.Bot.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using static Dunning.Bot.Tests.Banking.StatementFiles;

namespace Dunning.Bot.Tests.Banking;

/// <summary>
/// Reversals over the owner API and from statements written after the published layouts: camt.053 <c>RvslInd</c> (ISO 20022:
/// a debit with the reversal indicator undoes a credit) and MT940 <c>RC</c>/<c>RD</c> in :61: (reversal of credit / of debit).
/// A reversal entry never books a payment; when it names a booked payment it waits for review as a proposed reversal.
/// </summary>
public sealed class Booked_payments_are_reversed_by_a_person_never_by_the_statement : IDisposable
{
    private readonly BankStatementHost bank = new();

    private async Task PaidInFullAsync(string reference = "PAY-1")
    {
        await bank.DebtorAsync("D-1", "Eins GmbH");
        await bank.InvoiceAsync("RE-1", "D-1", 100m, due: "2026-03-20");
        var (status, _) = await bank.ImportAsync(Camt053(new Camt(reference, 100m, FromAccount("Eins GmbH", "DE89370400440532013000", "RE-1"))));
        Assert.Equal(200, status);
        Assert.Equal("paid", (await bank.InvoiceAsync("RE-1")).GetProperty("status").GetString());
    }

    private Task<HttpResponseMessage> ReverseAsync(string reference, object body) =>
        bank.Client.PostAsJsonAsync($"/api/v1/bank-statements/payments/{Uri.EscapeDataString(reference)}/reversal", body);

    [Fact]
    public async Task Reversing_over_the_api_opens_the_claim_again_and_a_second_time_is_refused()
    {
        await PaidInFullAsync();

        var missingReason = await ReverseAsync("PAY-1", new { by = "anna" });
        var done = await ReverseAsync("PAY-1", new { reason = "Rücklastschrift", by = "anna" });
        var twice = await ReverseAsync("PAY-1", new { reason = "again" });
        var unknown = await ReverseAsync("NOPE", new { reason = "typo" });

        Assert.Equal((400, 204, 409, 404), ((int)missingReason.StatusCode, (int)done.StatusCode, (int)twice.StatusCode, (int)unknown.StatusCode));
        Assert.Contains("already reversed on 2026-03-10 by api:anna", await twice.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var invoice = await bank.InvoiceAsync("RE-1");
        Assert.Equal(("open", 0m), (invoice.GetProperty("status").GetString(), invoice.GetProperty("paid").GetDecimal()));

        // Importing the original statement again books the reversed payment not anew.
        var (_, report) = await bank.ImportAsync(Camt053(new Camt("PAY-1", 100m, FromAccount("Eins GmbH", "DE89370400440532013000", "RE-1"))));
        Assert.Equal(0, report.GetProperty("booked").GetArrayLength());
        Assert.Equal(0m, (await bank.InvoiceAsync("RE-1")).GetProperty("paid").GetDecimal());

        // The schedule looks at the case again and reminds once the ladder says so.
        var planned = new List<PlanResult>();
        await bank.Host.Services.GetRequiredService<ScheduleSweep>().SweepAsync(new DateTimeOffset(2026, 3, 25, 9, 0, 0, TimeSpan.Zero), CancellationToken.None, planned.Add);
        Assert.Equal("reminder.friendly", Assert.Single(planned, r => r.DebtorId == "D-1").StageKey);
    }

    [Fact]
    public async Task A_camt_reversal_naming_the_booked_entry_is_proposed_and_undoes_it_only_when_confirmed()
    {
        await PaidInFullAsync();

        var (_, report) = await bank.ImportAsync(Camt053(new Camt("RV-1", 100m, "<Refs><AcctSvcrRef>PAY-1</AcctSvcrRef><EndToEndId>NOTPROVIDED</EndToEndId></Refs>"
            + FromAccount("Eins GmbH", "DE89370400440532013000", "RUECKBUCHUNG RE-1"), Direction: "DBIT", Reversal: true, Booked: "2026-03-10")));

        Assert.Equal(0, report.GetProperty("booked").GetArrayLength());
        var item = Assert.Single(report.GetProperty("review").EnumerateArray());
        Assert.Equal(("reversal", "PAY-1", true), (item.GetProperty("code").GetString(), item.GetProperty("reverses").GetString(), item.GetProperty("isReversal").GetBoolean()));
        Assert.Equal("paid", (await bank.InvoiceAsync("RE-1")).GetProperty("status").GetString());

        var assign = await bank.Client.PostAsJsonAsync("/api/v1/bank-statements/review/RV-1/assignment", new { invoices = new[] { "RE-1" } });
        var confirm = await bank.Client.PostAsJsonAsync("/api/v1/bank-statements/review/RV-1/reversal", new { by = "anna" });
        var again = await bank.Client.PostAsJsonAsync("/api/v1/bank-statements/review/RV-1/reversal", new { by = "anna" });

        Assert.Equal((409, 204, 409), ((int)assign.StatusCode, (int)confirm.StatusCode, (int)again.StatusCode));
        Assert.Equal(("open", 0m), ((await bank.InvoiceAsync("RE-1")).GetProperty("status").GetString(), (await bank.InvoiceAsync("RE-1")).GetProperty("paid").GetDecimal()));

        // The same reversal imported again is done, not queued again.
        var (_, again2) = await bank.ImportAsync(Camt053(new Camt("RV-1", 100m, "<Refs><AcctSvcrRef>PAY-1</AcctSvcrRef></Refs>", Direction: "DBIT", Reversal: true, Booked: "2026-03-10")));
        Assert.Equal(0, again2.GetProperty("review").GetArrayLength());
        Assert.Equal(0, (await bank.ReviewAsync()).GetArrayLength());
    }

    [Fact]
    public async Task A_camt_reversal_without_references_is_matched_by_the_known_account_and_amount()
    {
        await PaidInFullAsync();

        var (_, report) = await bank.ImportAsync(Camt053(new Camt("RV-2", 100m, FromAccount("Eins GmbH", "DE89370400440532013000", "Retoure"), Direction: "DBIT", Reversal: true, Booked: "2026-03-10")));

        Assert.Equal("PAY-1", Assert.Single(report.GetProperty("review").EnumerateArray()).GetProperty("reverses").GetString());
    }

    [Fact]
    public async Task An_mt940_rc_entry_is_a_proposed_reversal_and_an_rd_entry_is_no_payment_at_all()
    {
        await bank.DebtorAsync("D-1", "Eins GmbH");
        await bank.InvoiceAsync("RE-1", "D-1", 100m, due: "2026-03-20");
        await bank.ImportAsync(Mt940("EUR", ("2603090309C100,00NTRFNONREF//MT-PAY-1", "166?00GUTSCHRIFT?20RE-1?32EINS GMBH")));

        var (_, report) = await bank.ImportAsync(Mt940("EUR",
            ("2603100310RC100,00NRTIMT-PAY-1//MT-RV-1", "109?00RUECKBUCHUNG?20RE-1?32EINS GMBH"),
            ("2603100310RD25,00NRTINONREF//MT-RV-2", "109?00RUECKBUCHUNG LASTSCHRIFT?20RE-1")));

        Assert.Equal(0, report.GetProperty("booked").GetArrayLength());
        var proposal = Assert.Single(report.GetProperty("review").EnumerateArray());
        Assert.Equal(("MT-RV-1", "MT-PAY-1"), (proposal.GetProperty("reference").GetString(), proposal.GetProperty("reverses").GetString()));
        Assert.Equal("debit_reversal", Assert.Single(report.GetProperty("skipped").EnumerateArray()).GetProperty("code").GetString());
        Assert.Equal(100m, (await bank.InvoiceAsync("RE-1")).GetProperty("paid").GetDecimal());
    }

    [Fact]
    public async Task A_reversal_that_matches_nothing_waits_for_a_person_and_can_only_be_dismissed()
    {
        await PaidInFullAsync();

        var (_, report) = await bank.ImportAsync(Camt053(new Camt("RV-3", 77m, Unstructured("Fremd AG", "Storno"), Direction: "DBIT", Reversal: true, Booked: "2026-03-10")));
        var confirm = await bank.Client.PostAsJsonAsync("/api/v1/bank-statements/review/RV-3/reversal", new { });

        Assert.Equal("reversal_unmatched", Assert.Single(report.GetProperty("review").EnumerateArray()).GetProperty("code").GetString());
        Assert.Equal(409, (int)confirm.StatusCode);
        Assert.Equal(100m, (await bank.InvoiceAsync("RE-1")).GetProperty("paid").GetDecimal());
    }

    public void Dispose() => bank.Dispose();
}

using Dunning.Bot.Core.Reminders;
using Dunning.Bot.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using static Dunning.Bot.Tests.Banking.StatementFiles;

namespace Dunning.Bot.Tests.Banking;

/// <summary>
/// End to end over HTTP with LiteDB, on 10 March 2026: two business invoices of €1,000 due 10 Jan, in default since 10 Feb.
/// One statement pays the first in full (principal and interest) and €500 of the second: the first is settled and the
/// schedule plans no reminder for it; the second shows the §367 allocation, interest before principal.
/// </summary>
public sealed class A_statement_pays_one_invoice_in_full_and_another_in_part : IDisposable
{
    private readonly BankStatementHost bank = new();

    [Fact]
    public async Task The_settled_debtor_gets_no_reminder_and_the_partly_paid_claim_pays_interest_first()
    {
        await bank.DebtorAsync("D-FULL", "Voll Zahler GmbH");
        await bank.DebtorAsync("D-PART", "Teil Zahler GmbH");
        await bank.InvoiceAsync("RE-100", "D-FULL", 1000m);
        await bank.InvoiceAsync("RE-200", "D-PART", 1000m);
        var fullClaim = (await bank.InvoiceAsync("RE-100")).GetProperty("openBalance").GetDecimal();

        // Value date 9 March: 10 Feb – 9 Mar is the interest the ledger computes for a payment on that day.
        var (status, report) = await bank.ImportAsync(Camt053(
            new Camt("E2E-1", fullClaim, Unstructured("Voll Zahler GmbH", "RE-100 inkl. Zinsen"), Booked: "2026-03-10"),
            new Camt("E2E-2", 500m, Structured("Teil Zahler GmbH", "RE-200"))));

        Assert.Equal(200, status);
        var full = await bank.InvoiceAsync("RE-100");
        Assert.Equal(("paid", 0m), (full.GetProperty("status").GetString(), full.GetProperty("openBalance").GetDecimal()));

        var part = report.GetProperty("booked")[1];
        var entry = (await bank.InvoiceAsync("RE-200")).GetProperty("claim").GetProperty("entries")[0];
        // 10 Feb – 8 Mar, 27 days: 1000 × 10.27 % × 27/365 = 7.5969 → €7.60 to interest, the rest to the principal.
        Assert.Equal((0m, 7.60m, 492.40m), (part.GetProperty("toFees").GetDecimal(), part.GetProperty("toInterest").GetDecimal(), part.GetProperty("toPrincipal").GetDecimal()));
        Assert.Equal((7.60m, 492.40m), (entry.GetProperty("toInterest").GetDecimal(), entry.GetProperty("toPrincipal").GetDecimal()));

        var planned = new List<PlanResult>();
        await bank.Host.Services.GetRequiredService<ScheduleSweep>().SweepAsync(new DateTimeOffset(2026, 3, 20, 9, 0, 0, TimeSpan.Zero), CancellationToken.None, planned.Add);
        // The partly paid debtor is due a reminder (not sent here only because no mail server is configured); the other is not.
        Assert.Equal(PlanOutcome.NothingDue, Assert.Single(planned, r => r.DebtorId == "D-FULL").Outcome);
        Assert.Equal("reminder.friendly", Assert.Single(planned, r => r.DebtorId == "D-PART").StageKey);
    }

    [Fact]
    public async Task A_malformed_hostile_or_oversized_statement_is_refused_and_books_nothing()
    {
        using var small = new BankStatementHost(new() { ["Banking:MaxFileMegabytes"] = "1" });
        await small.DebtorAsync("D-1", "Eins GmbH");
        await small.InvoiceAsync("RE-1", "D-1", 100m);
        var valid = Camt053(new Camt("H-1", 100m, Unstructured("Eins GmbH", "RE-1")));

        var (malformed, why) = await small.ImportAsync(valid[..^30]);
        var (bomb, _) = await small.ImportAsync("<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">]>" + valid[(valid.IndexOf('\n') + 1)..].Replace("RE-1", "RE-1 &b;", StringComparison.Ordinal));
        var (huge, _) = await small.ImportAsync(valid + new string(' ', 1024 * 1024 + 10));

        Assert.Equal((422, 422, 413), (malformed, bomb, huge));
        Assert.Contains("malformed XML", why.GetProperty("refusal").GetString(), StringComparison.Ordinal);
        Assert.Equal(0m, (await small.InvoiceAsync("RE-1")).GetProperty("paid").GetDecimal());
        Assert.Equal(0, (await small.ReviewAsync()).GetArrayLength());
    }

    public void Dispose() => bank.Dispose();
}

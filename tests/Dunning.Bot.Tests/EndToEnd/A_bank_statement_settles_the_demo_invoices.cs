using System.Globalization;
using Dunning.Bot.Cli;
using Dunning.Bot.Core.Claims;
using Dunning.Bot.Core.Policies;
using Dunning.Bot.Hosting;
using Dunning.Bot.Staff;
using Dunning.Bot.Staff.Accounts;
using Dunning.Bot.Storage.LiteDb;
using Dunning.Bot.Tests.Banking;
using Dunning.Bot.Tests.Infrastructure;
using Dunning.Bot.Tests.Staff;
using Dunning.Bot.Tests.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static Dunning.Bot.Tests.Banking.StatementFiles;

namespace Dunning.Bot.Tests.EndToEnd;

/// <summary>
/// The "done when", on the real demo data with the real verbs: a statement pays Müller's invoice in full and part of
/// Carter's; <c>simulate</c> then shows no further reminder for Müller (it did before), Carter's claim shows the §367
/// allocation (costs, then interest, then principal), and the console's bank page shows the uncertain credit for review.
/// </summary>
public sealed class A_bank_statement_settles_the_demo_invoices : IDisposable
{
    private const string Mueller = "D-1002";
    private readonly TempDatabase database = new();
    private readonly string config;
    private readonly DateOnly today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);

    public A_bank_statement_settles_the_demo_invoices()
    {
        using (var context = database.Open())
        {
            var demo = DemoData.Create(TimeProvider.System.GetUtcNow(), Ledger());
            new LiteInvoiceStore(context).SaveBatchAsync(demo.Debtors, demo.Invoices, demo.Cases, CancellationToken.None).GetAwaiter().GetResult();
        }
        config = Path.Combine(database.Folder, "config.json");
        File.WriteAllText(config, $$"""{ "Storage": { "Path": "{{database.Path.Replace("\\", "\\\\", StringComparison.Ordinal)}}" } }""");
    }

    private static ClaimLedger Ledger() => new(Options.Create(new ClaimOptions()), new StatutoryInterest(Options.Create(new StatutoryInterestOptions())),
        new DunningLadder(Options.Create(new DunningLadderOptions())));

    [Fact]
    public async Task The_paid_debtor_gets_no_reminder_the_part_payment_is_allocated_and_the_uncertain_credit_waits_in_the_console()
    {
        var before = await SimulateAsync(Mueller);
        Assert.Contains("RE-2026-0087", before, StringComparison.Ordinal);

        var full = await OpenAsync("RE-2026-0087");
        var day = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var statement = Path.Combine(database.Folder, "camt053.xml");
        await File.WriteAllTextAsync(statement, Camt053(
            new Camt("DEMO-1", full, Unstructured("Müller Haustechnik GmbH", "Rechnung RE-2026-0087"), Booked: day),
            new Camt("DEMO-2", 500m, Structured("James Carter", "RE-2026-0042"), Booked: day),
            new Camt("DEMO-3", 50m, Unstructured("Anna Becker", "Fotos RE-2O26-O1O1"), Booked: day)));
        var output = new StringWriter();
        var error = new StringWriter();

        Assert.True(await new BankImportVerb().RunAsync([statement, "--config", config], output, error, CancellationToken.None) == 0, error.ToString());

        var report = output.ToString();
        Assert.Contains("booked 2, already booked 0, for review 1", report, StringComparison.Ordinal);
        Assert.Contains("booked    DEMO-1\tRE-2026-0087", report, StringComparison.Ordinal);
        var after = await SimulateAsync(Mueller);
        Assert.DoesNotContain("RE-2026-0087", after, StringComparison.Ordinal);
        Assert.Contains("nothing due in this period", after, StringComparison.Ordinal);

        // Carter's claim (stage 3, in default, interest running): the €500 pays costs first, then interest, then principal (§367 BGB).
        using (var context = database.Open())
        {
            var invoice = (await new LiteInvoiceStore(context).FindAsync("RE-2026-0042", CancellationToken.None))!;
            var debtor = (await new LiteDebtorStore(context).FindAsync(invoice.DebtorId, CancellationToken.None))!;
            var dunningCase = await new LiteCaseStore(context).FindAsync(invoice.DebtorId, CancellationToken.None);
            var claim = Ledger().Compute(invoice, debtor, dunningCase, today);
            var payment = Assert.Single(claim.Entries, e => e.Kind == ClaimEntryKind.Payment && e.Note == "DEMO-2");
            Assert.True(payment.ToInterest.Amount > 0m, $"costs {payment.ToFees}, interest {payment.ToInterest}");
            Assert.Equal(500m, payment.ToFees.Amount + payment.ToInterest.Amount + payment.ToPrincipal.Amount);
            // Costs and interest accrued before the payment are paid in full before any principal.
            Assert.Equal(claim.Fees.Amount, payment.ToFees.Amount);
            Assert.True(payment.ToPrincipal.Amount > 0m);
            Assert.True(claim.Open.Amount > 0m);
        }

        using var host = new BotHost(new() { ["Storage:Path"] = database.Path, ["Scheduling:Enabled"] = "false" });
        await host.Services.GetRequiredService<StaffAccounts>().CreateAsync("olga", StaffRole.Owner, StaffHost.Password, CancellationToken.None);
        using var browser = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new() }) { BaseAddress = host.BaseAddress };
        await StaffHost.PostFormAsync(browser, "/console/signin", new() { ["UserName"] = "olga", ["Password"] = StaffHost.Password });
        var queue = The_bank_page_in_the_console.Section(await browser.GetStringAsync(BankPage.Path), "review");
        Assert.Contains("data-key=\"DEMO-3\"", queue, StringComparison.Ordinal);
        Assert.Contains("RE-2026-0101", queue, StringComparison.Ordinal);
    }

    /// <summary>What Müller's invoice is open for on the statement's day.</summary>
    private async Task<decimal> OpenAsync(string number)
    {
        using var context = database.Open();
        var invoice = (await new LiteInvoiceStore(context).FindAsync(number, CancellationToken.None))!;
        var debtor = (await new LiteDebtorStore(context).FindAsync(invoice.DebtorId, CancellationToken.None))!;
        return Ledger().Compute(invoice, debtor, await new LiteCaseStore(context).FindAsync(invoice.DebtorId, CancellationToken.None), today).Open.Amount;
    }

    private async Task<string> SimulateAsync(string debtor)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await new SimulateVerb().RunAsync(["--days", "30", "--debtor", debtor, "--today", today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "--config", config],
            output, error, CancellationToken.None);
        Assert.True(code == 0, error.ToString());
        return output.ToString();
    }

    public void Dispose() => database.Dispose();
}

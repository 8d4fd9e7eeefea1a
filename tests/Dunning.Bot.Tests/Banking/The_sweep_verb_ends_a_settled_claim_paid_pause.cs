using Dunning.Bot.Cli;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Storage.LiteDb;
using Dunning.Bot.Tests.Storage;

namespace Dunning.Bot.Tests.Banking;

/// <summary>
/// Cron-style deployments run <c>sweep</c> instead of the host's timer: it ends a claim-paid pause that a booking settled
/// just as the host does (here without a chat to thank on: noted in the case, the pause ended).
/// </summary>
public sealed class The_sweep_verb_ends_a_settled_claim_paid_pause : IDisposable
{
    private readonly TempDatabase database = new();

    [Fact]
    public async Task A_settled_claim_in_the_claim_paid_pause_is_closed_by_one_sweep()
    {
        var now = TimeProvider.System.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        using (var context = database.Open())
        {
            var debtor = new Debtor { Id = "D-S", Name = "Sweep GmbH", Kind = DebtorKind.Business, AccessCode = "SWEEP123", LinkToken = "tok_sweep_claim_paid" };
            var invoice = Invoice.Create("RE-S", "D-S", today.AddDays(-20), today.AddDays(10), "EUR", 100m);
            invoice.Payments.Add(new Payment(today, 100m, "BANK-S"));
            invoice.Settle(today);
            invoice.PauseDunning("claimed paid 100.00", now.AddDays(5), now.AddDays(-1));
            await new LiteInvoiceStore(context).SaveBatchAsync([debtor], [invoice], [new DunningCase { DebtorId = "D-S", NextActionAt = now.AddMinutes(-1) }], CancellationToken.None);
        }
        var config = Path.Combine(database.Folder, "config.json");
        await File.WriteAllTextAsync(config, $$"""{ "Storage": { "Path": "{{database.Path.Replace("\\", "\\\\", StringComparison.Ordinal)}}" } }""");
        using StringWriter output = new(), error = new();

        var exit = await new SweepVerb().RunAsync(["--config", config], output, error, CancellationToken.None);

        Assert.True(exit == 0, error.ToString());
        using var after = database.Open();
        Assert.Null((await new LiteInvoiceStore(after).FindAsync("RE-S", CancellationToken.None))!.Pause);
        Assert.Contains((await new LiteCaseStore(after).FindAsync("D-S", CancellationToken.None))!.History,
            a => a.Summary.Contains("found on the bank statement; no chat to thank the debtor on", StringComparison.Ordinal));
    }

    public void Dispose() => database.Dispose();
}

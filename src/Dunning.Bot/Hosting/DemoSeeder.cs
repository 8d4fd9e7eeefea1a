using Dunning.Bot.Core.Claims;
using Dunning.Bot.Core.Ports;
using Microsoft.Extensions.Options;

namespace Dunning.Bot.Hosting;

/// <summary>
/// In Development only: seeds <see cref="DemoData"/> when the store has no debtors (so it runs once and
/// never touches real data), then prints what to open — the chat link of each debtor.
/// </summary>
internal sealed class DemoSeeder(
    IHostEnvironment environment,
    IOptions<BotOptions> options,
    IDebtorStore debtors,
    IInvoiceStore invoices,
    ClaimLedger ledger,
    TimeProvider clock,
    ILogger<DemoSeeder> logger) : IHostedService
{
    private const int LinksShown = 10;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!environment.IsDevelopment() || !options.Value.SeedDemoData)
            return;
        var existing = await debtors.ListAsync(cancellationToken);
        if (existing.Count == 0)
        {
            await SeedAsync(cancellationToken);
            existing = await debtors.ListAsync(cancellationToken);
        }
        logger.LogInformation("Web chat links (each binds the chat to one debtor):");
        foreach (var debtor in existing.Take(LinksShown))
            logger.LogInformation("  {Name,-26} {Link}   access code {Code}", debtor.Name, options.Value.ChatLink(debtor.LinkToken), debtor.AccessCode);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task SeedAsync(CancellationToken cancellationToken)
    {
        var demo = DemoData.Create(clock.GetUtcNow(), ledger);
        await invoices.SaveBatchAsync(demo.Debtors, demo.Invoices, demo.Cases, cancellationToken);
        logger.LogInformation("Seeded demo data: {Debtors} debtors, {Invoices} invoices (Development only; delete ./data to start over)",
            demo.Debtors.Count, demo.Invoices.Count);
    }
}

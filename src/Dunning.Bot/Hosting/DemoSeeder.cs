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
        // Only the demo debtors' secrets: a Development run on a file with real debtors must not print theirs.
        var demoIds = DemoData.Create(clock.GetUtcNow(), ledger).Debtors.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        var demo = existing.Where(d => demoIds.Contains(d.Id)).Take(LinksShown).ToList();
        if (demo.Count == 0)
            return;
        logger.LogInformation("Web chat links (each binds the chat to one debtor):");
        foreach (var debtor in demo)
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

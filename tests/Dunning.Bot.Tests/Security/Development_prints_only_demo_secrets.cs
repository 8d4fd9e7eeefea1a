using Dunning.Bot.Tests.EndToEnd;
using Dunning.Bot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dunning.Bot.Tests.Security;

/// <summary>
/// A Development run (what <c>dotnet run</c> starts) on a file that already holds real debtors seeds nothing and prints
/// none of their access codes or link tokens; outside Development nothing is seeded or printed at all.
/// </summary>
public sealed class Development_prints_only_demo_secrets : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("dunning-demo-secrets-").FullName;

    private string DatabasePath => Path.Combine(folder, "dunning.db");

    [Fact]
    public async Task Real_debtors_secrets_are_not_printed_in_development()
    {
        SeededDebtor real;
        using (var production = EndToEndHost.Start(EndToEndHost.NewClock(), DatabasePath))
        using (var owner = production.Owner())
            real = await owner.DebtorWithInvoiceAsync("K-77", "Erika Mustermann", "de", "RE-2026-77", 50m);

        var log = new CapturedLog();
        var settings = EndToEndHost.Settings(new() { ["Storage:Path"] = DatabasePath, ["Logging:LogLevel:Default"] = "Information" });
        using var development = new BotHost(settings, "Development", services: s => s.AddSingleton<ILoggerProvider>(log));
        _ = development.BaseAddress;

        Assert.Empty(log.Containing(real.AccessCode));
        Assert.Empty(log.Containing(real.LinkToken));
        Assert.Empty(log.Containing("Web chat links"));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // Still open by a closing host; the temp folder is cleaned by the OS.
        }
    }
}

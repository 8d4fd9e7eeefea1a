using Dunning.Bot.Storage;
using Dunning.Bot.Storage.LiteDb;
using Dunning.Bot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dunning.Bot.Tests.Fuzzing;

/// <summary>The real host for a fuzz run: no rate limits (the inputs must reach the parsers), no schedule, no demo data, errors captured.</summary>
internal static class FuzzHost
{
    public static BotHost Start(LogCapture logs, Dictionary<string, string?>? settings = null, string environment = "Testing")
    {
        var all = new Dictionary<string, string?>
        {
            ["WebChat:PerIp:PermitLimit"] = "0",
            ["WebChat:PerConversation:PermitLimit"] = "0",
            ["WebChat:StartsPerIp:PermitLimit"] = "0",
            ["Scheduling:Enabled"] = "false",
            ["Bot:SeedDemoData"] = "false",
            ["Staff:SeedDemoOwner"] = "false",
        };
        foreach (var (key, value) in settings ?? [])
            all[key] = value;
        return new BotHost(all, environment, services: s => s.AddSingleton<ILoggerProvider>(logs));
    }

    public static IReadOnlyDictionary<string, string> Snapshot(this BotHost host) =>
        DataSnapshot.Of(host.Services.GetRequiredService<LiteDbContext>().Database);
}

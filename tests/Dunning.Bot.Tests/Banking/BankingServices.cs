using Dunning.Bot.Banking;
using Dunning.Bot.Hosting;
using Dunning.Bot.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Dunning.Bot.Tests.Banking;

/// <summary>Stores, policies and the bank import on a LiteDB file, without a host, on 10 March 2026 at noon UTC.</summary>
internal static class BankingServices
{
    public static IServiceCollection Create(string databasePath, Dictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?> { ["Storage:Path"] = databasePath };
        foreach (var (key, value) in settings ?? [])
            all[key] = value;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(all).Build();
        var builder = DunningServices.Builder(configuration);
        builder.AddDunningServices().AddDunningBanking();
        return builder.Services.Replace(ServiceDescriptor.Singleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2026, 3, 10, 12, 0, 0, TimeSpan.Zero))));
    }
}

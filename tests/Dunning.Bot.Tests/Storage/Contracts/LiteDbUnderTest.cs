using Dunning.Bot.Hosting;
using Dunning.Bot.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Dunning.Bot.Tests.Storage.Contracts;

/// <summary>The LiteDB provider under contract: a database file in a temp folder, deleted afterwards.</summary>
public sealed class LiteDbUnderTest : IStorageUnderTest
{
    private readonly TempDatabase temp = new();

    // LiteDB is one process's file (opened Direct): a second host in the same test is the first one.
    public bool ServesSeveralHosts => false;

    public ServiceProvider Open(TimeProvider clock) => DunningServices
        .Builder(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:Path"] = temp.Path }).Build())
        .AddDunningStorage().Services
        .AddSingleton(clock)
        .BuildServiceProvider();

    public void Dispose() => temp.Dispose();
}

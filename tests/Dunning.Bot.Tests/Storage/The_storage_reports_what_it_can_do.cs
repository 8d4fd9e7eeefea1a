using Dunning.Bot.Hosting;
using Dunning.Bot.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Dunning.Bot.Tests.Storage;

/// <summary>
/// Callers choose a strategy by what the storage reports, not by its provider: LiteDB lets a commit overlap reads on
/// another thread only in Direct mode (in Shared mode its file mutex belongs to the thread that took it).
/// </summary>
public sealed class The_storage_reports_what_it_can_do : IDisposable
{
    private readonly TempDatabase temp = new();

    [Theory]
    [InlineData(null, true)]
    [InlineData("Direct", true)]
    [InlineData("Shared", false)]
    public void LiteDB_overlaps_commits_with_reads_only_in_direct_mode(string? connection, bool overlaps)
    {
        var settings = new Dictionary<string, string?> { ["Storage:Path"] = temp.Path, ["Storage:Connection"] = connection };
        using var services = DunningServices.Builder(new ConfigurationBuilder().AddInMemoryCollection(settings).Build()).AddDunningStorage().Services.BuildServiceProvider();

        Assert.Equal(overlaps, services.GetRequiredService<IStorageCapabilities>().CommitsOverlapReads);
    }

    public void Dispose() => temp.Dispose();
}

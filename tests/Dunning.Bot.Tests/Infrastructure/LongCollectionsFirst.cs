using Xunit.Abstractions;

[assembly: TestCollectionOrderer("Dunning.Bot.Tests.Infrastructure.LongCollectionsFirst", "Dunning.Bot.Tests")]

namespace Dunning.Bot.Tests.Infrastructure;

/// <summary>
/// Starts the collections that take minutes first (each runs its classes one after another), so they run beside the many
/// short classes instead of finishing alone at the end; the rest in xunit's default order (by id).
/// </summary>
public sealed class LongCollectionsFirst : ITestCollectionOrderer
{
    private static readonly string[] Long =
    [
        PostgresDispatchCollection.Name,
        PostgresCollection.Name,
        "Test collection for " + typeof(Operations.The_published_folder_runs).FullName,
        "Test collection for " + typeof(Scheduling.Crash_recovery_after_sigkill).FullName,
    ];

    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        testCollections.OrderBy(c => Array.IndexOf(Long, c.DisplayName) is var i and >= 0 ? i : Long.Length).ThenBy(c => c.UniqueID);
}

namespace Dunning.Bot.Tests.Infrastructure;

/// <summary>
/// A fact about the LiteDB file itself (its lock, its collections, its encryption): with
/// <c>DUNNING_TEST_STORAGE=PostgreSql</c> (<see cref="TestStorage"/>) it is skipped with a reason that starts
/// "LiteDB only:" and names why, which <c>.ci/run</c> counts apart from other skips.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class LiteDbOnlyFactAttribute : FactAttribute
{
    public LiteDbOnlyFactAttribute(string why)
    {
        if (TestStorage.IsPostgreSql)
            Skip = "LiteDB only: " + why;
    }
}

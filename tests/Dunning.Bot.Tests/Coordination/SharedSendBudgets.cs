using Dunning.Bot.Hosting.Coordination;
using Dunning.Bot.Storage.PostgreSql;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Dunning.Bot.Tests.Coordination;

/// <summary>The send budgets of several hosts on one PostgreSQL database: each its own connections, as separate hosts
/// have. Disposing closes them all.</summary>
internal sealed class SharedSendBudgets : IAsyncDisposable
{
    private readonly List<PostgreSqlDatabase> databases = [];

    /// <summary>One more host's budget on <paramref name="connection"/>'s database.</summary>
    public PostgreSqlSendBudget Host(string connection, TimeSpan? hold = null)
    {
        var database = new PostgreSqlDatabase(connection);
        databases.Add(database);
        return new PostgreSqlSendBudget(database, Options.Create(new CoordinationOptions { SendPermitHold = hold ?? TimeSpan.FromMinutes(2) }),
            TimeProvider.System, NullLogger<PostgreSqlSendBudget>.Instance);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var database in databases)
            await database.DisposeAsync();
    }
}

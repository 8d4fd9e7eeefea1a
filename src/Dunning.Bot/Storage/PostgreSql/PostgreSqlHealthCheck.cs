using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Dunning.Bot.Storage.PostgreSql;

/// <summary>
/// <c>/health</c> with PostgreSQL: Unhealthy when the database does not answer (the load balancer should send no more
/// requests to this host), Degraded while the host's listening connection for the other hosts' changes is being
/// re-opened (turns work; live updates from other hosts arrive after it is back), Healthy otherwise.
/// </summary>
public sealed class PostgreSqlHealthCheck(PostgreSqlDatabase database, PostgreSqlChangeListener listener) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using var ping = new NpgsqlCommand("SELECT 1", connection);
            await ping.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("The PostgreSQL database does not answer.", ex);
        }
        return listener.IsListening
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Degraded("Not listening for the other hosts' changes right now; re-connecting.");
    }
}

using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace Dunning.Bot.Storage.PostgreSql;

/// <summary>
/// The schema, as numbered SQL scripts embedded in the assembly (<c>Storage/PostgreSql/Migrations/NNNN_name.sql</c>),
/// applied in order by the host at start-up. All of it runs in one transaction under a transaction-scoped advisory lock,
/// so several hosts starting at once apply each script exactly once (the others wait, then find nothing to do) and a
/// failing script leaves the database as it was. An applied script whose text changed since is refused by name: a
/// migration, once shipped, is never edited — a new one is added.
/// </summary>
public static class PostgreSqlMigrations
{
    /// <summary>The advisory lock key every host takes around the migration table (an arbitrary, fixed number).</summary>
    public const long LockKey = 0x44756E6E696E67; // "Dunning"

    private const string ResourcePrefix = "Dunning.Bot.Storage.PostgreSql.Migrations.";

    /// <summary>The embedded scripts, by version.</summary>
    public static IReadOnlyList<Migration> All { get; } = Load();

    /// <summary>Applies the scripts the database has not had; returns the versions applied now.</summary>
    public static async Task<IReadOnlyList<int>> ApplyAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, transaction, $"""
            SELECT pg_advisory_xact_lock({LockKey});
            CREATE TABLE IF NOT EXISTS dunning_migrations (
                version    integer     PRIMARY KEY,
                name       text        NOT NULL,
                checksum   text        NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT now()
            );
            """, cancellationToken).ConfigureAwait(false);
        var applied = new Dictionary<int, (string Name, string Checksum)>();
        await using (var read = new NpgsqlCommand("SELECT version, name, checksum FROM dunning_migrations", connection, transaction))
        await using (var reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                applied[reader.GetInt32(0)] = (reader.GetString(1), reader.GetString(2));
        }
        var now = new List<int>();
        foreach (var migration in All)
        {
            if (applied.TryGetValue(migration.Version, out var done))
            {
                if (done.Checksum != migration.Checksum)
                    throw new InvalidOperationException(
                        $"PostgreSQL migration {migration.Version} ({migration.Name}) was applied with a different text than this build carries; migrations are never edited once applied. Restore the original script and add a new migration.");
                continue;
            }
            await ExecuteAsync(connection, transaction, migration.Sql, cancellationToken).ConfigureAwait(false);
            await using var record = new NpgsqlCommand("INSERT INTO dunning_migrations (version, name, checksum) VALUES ($1, $2, $3)", connection, transaction);
            record.Parameters.Add(new NpgsqlParameter { Value = migration.Version });
            record.Parameters.Add(new NpgsqlParameter { Value = migration.Name });
            record.Parameters.Add(new NpgsqlParameter { Value = migration.Checksum });
            await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            now.Add(migration.Version);
        }
        var unknown = applied.Keys.Where(v => All.All(m => m.Version != v)).Order().ToList();
        if (unknown.Count > 0)
            throw new InvalidOperationException(
                $"The PostgreSQL database has migration(s) {string.Join(", ", unknown)} that this build does not know: it was upgraded by a newer Dunning.Bot. Run that version.");
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return now;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static List<Migration> Load()
    {
        var assembly = typeof(PostgreSqlMigrations).Assembly;
        var migrations = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal)))
        {
            var name = resource[ResourcePrefix.Length..^".sql".Length];
            var version = int.Parse(name[..name.IndexOf('_', StringComparison.Ordinal)], NumberStyles.None, CultureInfo.InvariantCulture);
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var text = new StreamReader(stream, Encoding.UTF8);
            var sql = text.ReadToEnd().ReplaceLineEndings("\n");
            migrations.Add(new Migration(version, name, sql, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sql)))));
        }
        migrations.Sort((a, b) => a.Version.CompareTo(b.Version));
        for (var i = 0; i < migrations.Count; i++)
        {
            if (migrations[i].Version != i + 1)
                throw new InvalidOperationException($"PostgreSQL migrations must be numbered 1, 2, 3, … without gaps; found {migrations[i].Name} at position {i + 1}.");
        }
        return migrations;
    }

    /// <summary>One numbered script: its version, name (file name without .sql), text and SHA-256.</summary>
    public sealed record Migration(int Version, string Name, string Sql, string Checksum);
}

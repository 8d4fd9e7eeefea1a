using Dunning.Bot.Hosting;
using Dunning.Bot.Storage;
using Dunning.Bot.Storage.PostgreSql;
using Dunning.Bot.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Dunning.Bot.Tests.Storage.Contracts;

/// <summary>
/// The PostgreSQL provider for the service-provider contracts (<see cref="StorageContractBase"/>): a new database on the
/// private test cluster, and the storage registered as the host registers it with Storage:Provider=PostgreSql.
/// </summary>
public sealed class PostgreSqlUnderTest(PostgresServer server) : IStorageUnderTest
{
    private readonly TempDatabase temp = new();
    private string? connection;

    public bool ServesSeveralHosts => true;

    public ServiceProvider Open(TimeProvider clock)
    {
        connection ??= CreateDatabase();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Path"] = temp.Path,
            ["Storage:Provider"] = nameof(StorageProvider.PostgreSql),
            ["Storage:ConnectionString"] = connection,
        }).Build();
        return DunningServices.Builder(configuration)
            .AddDunningStorage().Services
            .AddLogging()
            .AddSingleton(clock)
            .AddPostgreSqlStorageWhenChosen(configuration)
            .BuildServiceProvider();
    }

    public void Dispose() => temp.Dispose();

    private string CreateDatabase()
    {
        var name = $"contract_{Guid.NewGuid():N}";
        using var admin = new NpgsqlConnection(server.AdminConnectionString);
        admin.Open();
        using (var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin))
            create.ExecuteNonQuery();
        return new NpgsqlConnectionStringBuilder(server.AdminConnectionString) { Database = name }.ConnectionString;
    }
}

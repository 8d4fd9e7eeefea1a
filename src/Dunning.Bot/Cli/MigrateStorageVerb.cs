using System.CommandLine;
using System.Globalization;
using Dunning.Bot.Hosting;
using Dunning.Bot.Storage;
using Dunning.Bot.Storage.LiteDb;
using Dunning.Bot.Storage.Migration;
using Dunning.Bot.Storage.PostgreSql;
using Dunning.Bot.Uploads;
using Npgsql;

namespace Dunning.Bot.Cli;

/// <summary>
/// <c>migrate-storage --to postgresql [--connection CS] [--from FILE] [--dry-run] [--overwrite] [--batch-size N]</c>:
/// copies every kind of stored thing from a LiteDB file into PostgreSQL (schema migrated first), batch by batch, then
/// verifies each kind by count and checksum and prints a table (<see cref="StorageMigration"/>). Safe to run again: a
/// second run copies nothing and verifies again; a run cut short is completed by the next. Refuses, changing nothing:
/// a file a running host holds, an unreachable server, a database that holds different data under the same ids (unless
/// --overwrite). Exit codes: 0 copied and verified (dry run: compared), 1 refused or not verified, 2 usage or file in use.
/// </summary>
internal sealed partial class MigrateStorageVerb : ICliVerb
{
    public const int DefaultBatchSize = 500;

    public string Name => "migrate-storage";

    public string Summary => "copy a LiteDB file into PostgreSQL, verify counts and checksums (safe to run again)";

    public async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (!CliText.TryTake(Name, ref args, error, out var text))
            return 2;
        var to = new Option<string?>("--to") { HelpName = "postgresql" };
        var connectionOption = new Option<string?>("--connection") { HelpName = "connection string" };
        var from = new Option<string?>("--from") { HelpName = "dunning.db" };
        var dryRunOption = VerbLine.DryRun();
        var overwriteOption = new Option<bool>("--overwrite") { Arity = ArgumentArity.Zero };
        var batchSize = new Option<int>("--batch-size")
        {
            DefaultValueFactory = _ => DefaultBatchSize,
            CustomParser = r => int.TryParse(r.Tokens[0].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 10_000 ? n : VerbLine.Invalid<int>(r),
        };
        var config = VerbLine.ConfigFile();
        if (VerbLine.Parse(new Command(Name) { to, connectionOption, from, dryRunOption, overwriteOption, batchSize, config }, args, error, text, "migrate_usage") is not { } line)
            return 2;
        if (!string.Equals(line.GetValue(to), "postgresql", StringComparison.OrdinalIgnoreCase))
            return Usage(error, text, text.Say("migrate_only_postgresql", new() { ["to"] = line.GetValue(to) ?? "" }));
        var configFile = line.GetValue(config);
        if (configFile is not null && !File.Exists(configFile))
            return Usage(error, text, text.Say("no_config", new() { ["verb"] = Name, ["file"] = configFile }));

        var configuration = DunningConfiguration.ForVerb(VerbLine.ConfigArguments(configFile));
        var storage = configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new StorageOptions();
        var connection = line.GetValue(connectionOption) ?? storage.ConnectionString;
        if (string.IsNullOrWhiteSpace(connection))
            return Usage(error, text, text.Say("migrate_no_connection"));
        if (PostgreSqlDatabase.ConnectionStringProblem(connection) is { } problem)
            return Usage(error, text, text.Say("migrate_bad_connection", new() { ["problem"] = problem }));
        var file = Path.GetFullPath(line.GetValue(from) ?? storage.Path);
        if (!File.Exists(file))
        {
            error.WriteLine(text.Say("migrate_no_file", new() { ["file"] = file }));
            return 1;
        }
        var uploads = configuration.GetSection(UploadOptions.SectionName).Get<UploadOptions>() ?? new UploadOptions();
        var request = new Request(file, connection, line.GetValue(dryRunOption), line.GetValue(overwriteOption), line.GetValue(batchSize), uploads);
        return await MigrateAsync(request, storage.Password, text, output, error, cancellationToken);
    }

    private static async Task<int> MigrateAsync(Request request, string? password, CliText text, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        IStorageSource source;
        try
        {
            source = LiteStorageSource.Open(request.File, password, request.Uploads);
        }
        catch (DatabaseInUseException ex)
        {
            error.WriteLine(text.Say("migrate_in_use", new() { ["message"] = ex.Message }));
            return DatabaseInUseException.ExitCode;
        }
        using (source)
        {
            await using var database = new PostgreSqlDatabase(request.Connection);
            var target = new PostgreSqlStorageTarget(database, filesInDatabase: string.IsNullOrWhiteSpace(request.Uploads.Folder));
            try
            {
                await target.PrepareAsync(cancellationToken);
            }
            catch (StorageException ex)
            {
                error.WriteLine(text.Say("migrate_unreachable", new() { ["message"] = ex.Message }));
                return 1;
            }
            output.WriteLine(text.Say("migrate_from_to", new() { ["file"] = request.File, ["target"] = Describe(request.Connection) }));
            var migration = new StorageMigration(source, target, request.BatchSize);
            var reports = await migration.CompareAsync(cancellationToken);
            if (reports.Any(r => r.Different > 0) && !request.Overwrite)
            {
                WriteTable(reports, text, output);
                foreach (var report in reports.Where(r => r.Different > 0))
                {
                    error.WriteLine(text.Say("migrate_conflict", new()
                    {
                        ["kind"] = report.Kind, ["count"] = report.Different, ["ids"] = string.Join(", ", report.DifferentIds),
                    }));
                }
                error.WriteLine(text.Say("migrate_conflicts_refused"));
                return 1;
            }
            if (request.DryRun)
            {
                WriteTable(reports, text, output);
                output.WriteLine(text.Say("migrate_dry_run", new() { ["count"] = reports.Sum(r => r.Missing + (request.Overwrite ? r.Different : 0)) }));
                return 0;
            }
            await migration.CopyAsync(reports, request.Overwrite, cancellationToken);
            await migration.VerifyAsync(reports, cancellationToken);
            WriteTable(reports, text, output);
            if (reports.All(r => r.Verified))
            {
                output.WriteLine(text.Say("migrate_done", new() { ["copied"] = reports.Sum(r => r.Copied) }));
                return 0;
            }
            error.WriteLine(text.Say("migrate_failed_verify"));
            return 1;
        }
    }

    /// <summary>Host, port and database of the connection string — never its password.</summary>
    private static string Describe(string connection)
    {
        var parsed = new NpgsqlConnectionStringBuilder(connection);
        return string.Create(CultureInfo.InvariantCulture, $"{parsed.Host}:{parsed.Port}/{parsed.Database}");
    }

    private static int Usage(TextWriter error, CliText text, string problem)
    {
        error.WriteLine(problem);
        error.WriteLine(text.Say("migrate_usage"));
        return 2;
    }

    private sealed record Request(string File, string Connection, bool DryRun, bool Overwrite, int BatchSize, UploadOptions Uploads);
}

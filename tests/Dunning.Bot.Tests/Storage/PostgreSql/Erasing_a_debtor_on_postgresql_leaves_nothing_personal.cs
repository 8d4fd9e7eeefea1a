using System.Net;
using Dunning.Bot.Storage;
using Dunning.Bot.Tests.EndToEnd;
using Dunning.Bot.Tests.Infrastructure;
using Npgsql;

namespace Dunning.Bot.Tests.Storage.PostgreSql;

/// <summary>
/// Erasing a debtor through the owner API on a host with Storage:Provider=PostgreSql: afterwards no table (the audit
/// log and the schedule aside) holds the debtor's name, e-mail address, words, access code or web chat conversation,
/// the chat answers 404, and the invoice's amounts stay for the books.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class Erasing_a_debtor_on_postgresql_leaves_nothing_personal(PostgresServer server)
{
    private const string Name = "Erika Mustermann";
    private const string Mail = "erika@example.org";
    private const string Words = "Ich bin seit Oktober krank und kann gerade nicht zahlen";

    [PostgresFact]
    public async Task No_table_holds_the_erased_debtors_data_and_the_books_stay()
    {
        var connection = await server.CreateDatabaseAsync();
        using var host = EndToEndHost.Start(EndToEndHost.NewClock(), settings: new()
        {
            ["Storage:Provider"] = nameof(StorageProvider.PostgreSql),
            ["Storage:ConnectionString"] = connection,
        });
        using var owner = host.Owner();
        var debtor = await owner.DebtorWithInvoiceAsync("K-410", Name, "de", "RE-2026-410", 410m);
        using var api = host.CreateHttpClient();
        api.DefaultRequestHeaders.Add(Dunning.Bot.Api.ApiKeys.HeaderName, EndToEndHost.ApiKey);
        using (var email = await api.PutAsync(new Uri("/api/v1/debtors/K-410", UriKind.Relative), Json($$"""{"name":"{{Name}}","email":"{{Mail}}"}""")))
            Assert.True(email.IsSuccessStatusCode);
        var chat = await WebChatter.OpenAsync(host.CreateHttpClient());
        Assert.NotEmpty(await chat.JoinAsync(debtor.LinkToken, "de-DE"));
        Assert.NotEmpty(await chat.SayAsync(Words));
        Assert.NotEmpty(await PlacesHoldingAsync(connection, Words));

        using var erase = await api.DeleteAsync(new Uri("/api/v1/debtors/K-410", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, erase.StatusCode);
        var places = await PlacesHoldingAsync(connection, Name, Mail, Words, debtor.AccessCode, debtor.LinkToken, chat.Client.ConversationId);
        Assert.True(places.Count == 0, string.Join("\n", places));
        using var afterwards = await chat.Client.PostAsync("""{"type":"message","text":"hallo?"}""");
        Assert.Equal(HttpStatusCode.NotFound, afterwards.StatusCode);
        var invoice = await api.GetStringAsync(new Uri("/api/v1/invoices/RE-2026-410", UriKind.Relative));
        Assert.Contains("RE-2026-410", invoice, StringComparison.Ordinal);
        Assert.Contains("410", invoice.Replace("RE-2026-410", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    private static StringContent Json(string json) => new(json, System.Text.Encoding.UTF8, "application/json");

    /// <summary>Every row of every table (the audit log, migrations and Quartz's tables aside) that contains one of <paramref name="secrets"/>.</summary>
    private static async Task<List<string>> PlacesHoldingAsync(string connection, params string[] secrets)
    {
        await using var open = new NpgsqlConnection(connection);
        await open.OpenAsync();
        // Each table's rows as text, its bytea columns (bot state, files) decoded so that text inside them shows.
        var tables = new List<(string Table, string Binary)>();
        await using (var list = new NpgsqlCommand("""
            SELECT t.table_name, coalesce(string_agg(format('encode(%I, ''escape'')', c.column_name), ' || ') FILTER (WHERE c.column_name IS NOT NULL), 'NULL')
            FROM information_schema.tables t
            LEFT JOIN information_schema.columns c ON c.table_schema = t.table_schema AND c.table_name = t.table_name AND c.data_type = 'bytea'
            WHERE t.table_schema = 'public' AND t.table_name NOT LIKE 'qrtz%' AND t.table_name NOT IN ('audit_log', 'dunning_migrations')
            GROUP BY t.table_name
            """, open))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
                tables.Add((reader.GetString(0), reader.GetString(1)));
        }
        var places = new List<string>();
        foreach (var (table, binary) in tables)
        {
            await using var rows = new NpgsqlCommand($"SELECT t::text || coalesce({binary}, '') FROM \"{table}\" t", open);
            await using var reader = await rows.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var row = reader.GetString(0);
                if (secrets.Any(s => row.Contains(s, StringComparison.Ordinal)))
                    places.Add($"{table}: {row}");
            }
        }
        return places;
    }
}

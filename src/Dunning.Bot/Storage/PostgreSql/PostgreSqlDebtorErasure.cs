using System.Globalization;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Privacy;
using Npgsql;

namespace Dunning.Bot.Storage.PostgreSql;

/// <summary>
/// <see cref="IDebtorErasureStore"/> in ONE PostgreSQL transaction across every table that holds the debtor: the debtor
/// (pseudonymized, under a row lock), invoices, case and escalations (by <see cref="DebtorErasureRules"/>, each written
/// with its version check: a concurrent change makes the whole erasure refuse and write nothing), conversation links
/// with their bot state and transcripts, the outbox, and the channels' own rows — web chat conversations and activity
/// logs, Telegram buttons of the debtor's chats, the e-mail channel's token, messages and thread.
/// </summary>
public sealed class PostgreSqlDebtorErasure(PostgreSqlDatabase database) : IDebtorErasureStore
{
    private readonly PostgreSqlDatabase database = database ?? throw new ArgumentNullException(nameof(database));

    public Task<bool> EraseAsync(string debtorId, DateTimeOffset now, string actor, CancellationToken cancellationToken) =>
        database.WriteAsync(false, async (connection, transaction) =>
        {
            var debtors = await PostgreSqlTables.Debtors.SelectAsync(connection, transaction, "WHERE id = $1 FOR UPDATE", [debtorId], cancellationToken)
                .ConfigureAwait(false);
            if (debtors.Count == 0)
                return false;
            var debtor = debtors[0];
            DebtorErasureRules.Pseudonymize(debtor, code => Taken(connection, transaction, code));
            await PostgreSqlTables.Debtors.WriteAsync(connection, transaction, [debtor], cancellationToken).ConfigureAwait(false);

            var mine = new object?[] { debtorId };
            var invoices = await PostgreSqlTables.Invoices.SelectAsync(connection, transaction, "WHERE debtor_id = $1", mine, cancellationToken).ConfigureAwait(false);
            foreach (var invoice in invoices)
                DebtorErasureRules.EraseInvoice(invoice, now);
            await PostgreSqlTables.Invoices.WriteAsync(connection, transaction, invoices, cancellationToken).ConfigureAwait(false);
            var cases = await PostgreSqlTables.Cases.SelectAsync(connection, transaction, "WHERE debtor_id = $1", mine, cancellationToken).ConfigureAwait(false);
            foreach (var dunningCase in cases)
                DebtorErasureRules.EraseCase(dunningCase, now, actor);
            await PostgreSqlTables.Cases.WriteAsync(connection, transaction, cases, cancellationToken).ConfigureAwait(false);
            var escalations = await PostgreSqlTables.Escalations.SelectAsync(connection, transaction, "WHERE debtor_id = $1", mine, cancellationToken)
                .ConfigureAwait(false);
            await PostgreSqlTables.Escalations.WriteAsync(connection, transaction, [.. escalations.Select(e => DebtorErasureRules.EraseEscalation(e, now))],
                cancellationToken).ConfigureAwait(false);

            var links = await PostgreSqlTables.Conversations.SelectAsync(connection, transaction, "WHERE debtor_id = $1", mine, cancellationToken)
                .ConfigureAwait(false);
            var conversations = links.Select(l => (l.Channel, Id: l.Reference.Conversation?.Id ?? l.Key[(l.Channel.Length + 1)..])).ToList();
            await PostgreSqlConversationPurge.PurgeAsync(connection, transaction, conversations, cancellationToken).ConfigureAwait(false);
            await EraseRowsAsync(connection, transaction, debtorId, conversations, cancellationToken).ConfigureAwait(false);
            return true;
        }, cancellationToken);

    // One indexed lookup per candidate, on the erasure's connection (a clash is rare).
    private static bool Taken(NpgsqlConnection connection, NpgsqlTransaction transaction, string accessCode)
    {
        using var command = PostgreSqlCommands.Command("SELECT 1 FROM debtors WHERE access_code = $1", connection, transaction, [accessCode]);
        return command.ExecuteScalar() is not null;
    }

    /// <summary>The debtor's rows that no entity carries: transcripts by debtor, outbox, channel state.</summary>
    private static async Task EraseRowsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string debtorId,
        IReadOnlyList<(string Channel, string Id)> conversations, CancellationToken cancellationToken)
    {
        string[] webChats = [.. conversations.Where(c => c.Channel == ChannelKind.WebChat).Select(c => c.Id)];
        long[] telegramChats = [.. conversations.Where(c => c.Channel == ChannelKind.Telegram)
            .Select(c => long.TryParse(c.Id, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var chat) ? chat : (long?)null)
            .OfType<long>()];
        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var (sql, value) in new (string, object)[]
        {
            ("DELETE FROM transcripts WHERE debtor_id = $1", debtorId),
            ("DELETE FROM outbox WHERE debtor_id = $1", debtorId),
            // The activities go with their conversation (ON DELETE CASCADE).
            ("DELETE FROM webchat_conversations WHERE id = ANY($1)", webChats),
            ("DELETE FROM telegram_buttons WHERE chat_id = ANY($1)", telegramChats),
            ("DELETE FROM email_tokens WHERE debtor_id = $1", debtorId),
            ("DELETE FROM email_sent WHERE debtor_id = $1", debtorId),
            ("DELETE FROM email_received WHERE debtor_id = $1", debtorId),
            ("DELETE FROM channel_state WHERE debtor_id = $1", debtorId),
        })
        {
            var command = new NpgsqlBatchCommand(sql);
            command.Parameters.Add(new NpgsqlParameter { Value = value });
            batch.BatchCommands.Add(command);
        }
        await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}

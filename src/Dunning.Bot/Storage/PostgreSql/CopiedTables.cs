using Dunning.Bot.Banking;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Staff.Audit;
using Dunning.Bot.Storage.Migration;
using Dunning.Bot.Uploads;
using Npgsql;
using NpgsqlTypes;

namespace Dunning.Bot.Storage.PostgreSql;

/// <summary>
/// The tables of every <see cref="StoredKinds"/> kind for the storage migration, written as the stores write them (the
/// same columns, the same JSON documents) but keeping versions and eTags. With filesInDatabase, proofs'
/// files live in the table (no <c>Uploads:Folder</c>). The channels' tables follow in <c>CopiedTables.Channels.cs</c>.
/// </summary>
internal static partial class CopiedTables
{
    public static IReadOnlyDictionary<string, CopiedTable> For(bool filesInDatabase) => new[]
    {
        Documents(StoredKinds.Debtors, PostgreSqlTables.Debtors),
        Documents(StoredKinds.Invoices, PostgreSqlTables.Invoices),
        Documents(StoredKinds.Cases, PostgreSqlTables.Cases),
        Documents(StoredKinds.Agreements, PostgreSqlTables.Agreements),
        Documents(StoredKinds.Escalations, PostgreSqlTables.Escalations),
        Documents(StoredKinds.Conversations, PostgreSqlTables.Conversations),
        Documents(StoredKinds.Outbox, PostgreSqlTables.Outbox),
        Documents(StoredKinds.StaffAccounts, PostgreSqlStaffAccountStore.Table),
        new CopiedTable(StoredKinds.Transcripts, "transcripts", "conversation_key", "SELECT conversation_key, doc::text FROM transcripts", "seq",
            r => PostgreSqlJson.Deserialize<TranscriptEntry>(r.GetString(1)),
            record => ((List<TranscriptEntry>)record.Value).Select(e => Command("INSERT INTO transcripts (conversation_key, debtor_id, at, doc) VALUES ($1, $2, $3, $4)",
                e.ConversationKey, Text(e.DebtorId), e.At.UtcTicks, Json(e))),
            parts => parts.Cast<TranscriptEntry>().ToList()),
        new CopiedTable(StoredKinds.AuditLog, "audit_log", $"'{StoredKinds.AuditLog}'::text", $"SELECT '{StoredKinds.AuditLog}', doc::text FROM audit_log", "seq",
            r => PostgreSqlJson.Deserialize<AuditEntry>(r.GetString(1)),
            record => ((List<AuditEntry>)record.Value).Select(e => Command("INSERT INTO audit_log (at, debtor_id, doc) VALUES ($1, $2, $3)",
                e.At.UtcTicks, Text(e.DebtorId), Json(e))),
            parts => parts.Cast<AuditEntry>().ToList()),
        new CopiedTable(StoredKinds.BotState, "bot_state", "key", "SELECT key, etag, data FROM bot_state", "key",
            r => new BotStateRecord(r.GetString(1), r.GetFieldValue<byte[]>(2)),
            record => [Command("INSERT INTO bot_state (key, etag, data) VALUES ($1, $2, $3)", record.Id, ((BotStateRecord)record.Value).ETag, ((BotStateRecord)record.Value).Data)]),
        new CopiedTable(StoredKinds.BankReview, "bank_review", "key", "SELECT key, item::text, received_at, resolution::text FROM bank_review", "key",
            r => new BankReviewEntry(PostgreSqlJson.Deserialize<BankImportItem>(r.GetString(1)), new DateTimeOffset(r.GetInt64(2), TimeSpan.Zero),
                r.IsDBNull(3) ? null : PostgreSqlJson.Deserialize<BankReviewResolution>(r.GetString(3))),
            record => record.Value is BankReviewEntry e
                ? [Command("INSERT INTO bank_review (key, received_at, item, resolution) VALUES ($1, $2, $3, $4)", record.Id, e.ReceivedAt.UtcTicks, Json(e.Item), Json(e.Resolution))]
                : []),
        new CopiedTable(StoredKinds.PayerAccounts, "payer_accounts", "(iban || '|' || debtor_id)",
            "SELECT iban || '|' || debtor_id, iban, debtor_id, learned_at FROM payer_accounts", "iban",
            r => new PayerAccountRecord(r.GetString(1), r.GetString(2), new DateTimeOffset(r.GetInt64(3), TimeSpan.Zero)),
            record => record.Value is PayerAccountRecord a
                ? [Command("INSERT INTO payer_accounts (iban, debtor_id, learned_at) VALUES ($1, $2, $3)", a.Iban, a.DebtorId, a.LearnedAt.UtcTicks)]
                : []),
        new CopiedTable(StoredKinds.Proofs, "proofs", "id", "SELECT id, record::text, content FROM proofs", "id",
            r => new ProofRecord(PostgreSqlJson.Deserialize<ProofFile>(r.GetString(1)), filesInDatabase && !r.IsDBNull(2) ? r.GetFieldValue<byte[]>(2) : null),
            record => record.Value is ProofRecord p
                ? [Command("INSERT INTO proofs (id, debtor_id, received_at, record, content) VALUES ($1, $2, $3, $4, $5)", p.Proof.Id, p.Proof.DebtorId,
                    p.Proof.ReceivedAt.UtcTicks, Json(p.Proof), new NpgsqlParameter { Value = (object?)p.Content ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Bytea })]
                : []),
        new CopiedTable(StoredKinds.SigningKeys, "signing_keys", "key_id", "SELECT key_id, key FROM signing_keys", "key_id",
            r => new SigningKeyRecord(r.GetFieldValue<byte[]>(1)),
            record => [Command("INSERT INTO signing_keys (key_id, key) VALUES ($1, $2)", record.Id, ((SigningKeyRecord)record.Value).Key)]),
        new CopiedTable(StoredKinds.EmailTokens, "email_tokens", "debtor_id", "SELECT debtor_id, token FROM email_tokens", "debtor_id",
            r => new EmailTokenRecord(r.GetString(1)),
            record => [Command("INSERT INTO email_tokens (debtor_id, token) VALUES ($1, $2)", record.Id, ((EmailTokenRecord)record.Value).Token)]),
        new CopiedTable(StoredKinds.TeamsServiceUrls, "teams_service_urls", "url", "SELECT url, first_seen FROM teams_service_urls", "url",
            r => new ServiceUrlRecord(new DateTimeOffset(r.GetInt64(1), TimeSpan.Zero)),
            record => [Command("INSERT INTO teams_service_urls (url, first_seen) VALUES ($1, $2)", record.Id, ((ServiceUrlRecord)record.Value).FirstSeen.UtcTicks)]),
    }.Concat(Channels()).ToDictionary(t => t.Kind, StringComparer.Ordinal);

    private static CopiedTable Documents<T>(string kind, DocumentTable<T> table)
        where T : class => new(kind, table.Name, table.Key, $"SELECT {table.Key}, version, doc::text FROM {table.Name}", table.Key,
            r =>
            {
                var entity = PostgreSqlJson.Deserialize<T>(r.GetString(2));
                table.SetVersion(entity, r.GetInt32(1));
                return entity;
            },
            record => [table.CopyCommand((T)record.Value)]);

    /// <summary>A batch command with positional parameters; a value that is already an <see cref="NpgsqlParameter"/> is taken as it is.</summary>
    private static NpgsqlBatchCommand Command(string sql, params object?[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values)
            command.Parameters.Add(value as NpgsqlParameter ?? new NpgsqlParameter { Value = value ?? DBNull.Value });
        return command;
    }

    private static NpgsqlParameter Text(string? value) => new() { Value = (object?)value ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text };

    private static NpgsqlParameter Json<T>(T? value)
        where T : class => new() { Value = value is null ? DBNull.Value : PostgreSqlJson.Serialize(value), NpgsqlDbType = NpgsqlDbType.Jsonb };
}

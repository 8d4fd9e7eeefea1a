namespace Dunning.Bot.Storage.Migration;

/// <summary>
/// The kinds of stored things the storage migration copies, in the order it copies them (the table of the verb lists
/// them so). The names are the PostgreSQL tables' (a transcript record is one conversation's entries, the audit log
/// one record of all entries, a web chat log one conversation's activities, and its client ids one record too: lists
/// without ids of their own are copied whole). A web chat's conversations come before their activities and client ids,
/// which hang on them.
/// </summary>
internal static class StoredKinds
{
    public const string Debtors = "debtors";
    public const string Invoices = "invoices";
    public const string Cases = "cases";
    public const string Agreements = "agreements";
    public const string Escalations = "escalations";
    public const string Conversations = "conversations";
    public const string Transcripts = "transcripts";
    public const string BotState = "bot_state";
    public const string Outbox = "outbox";
    public const string BankReview = "bank_review";
    public const string PayerAccounts = "payer_accounts";
    public const string Proofs = "proofs";
    public const string StaffAccounts = "staff_accounts";
    public const string AuditLog = "audit_log";
    public const string SigningKeys = "signing_keys";
    public const string EmailTokens = "email_tokens";
    public const string TeamsServiceUrls = "teams_service_urls";
    public const string TeamsDeliveries = "teams_deliveries";
    public const string TelegramUpdates = "telegram_updates";
    public const string TelegramButtons = "telegram_buttons";
    public const string ChannelState = "channel_state";
    public const string WebChatConversations = "webchat_conversations";
    public const string WebChatActivities = "webchat_activities";
    public const string WebChatClientIds = "webchat_client_ids";
    public const string EmailSent = "email_sent";
    public const string EmailReceived = "email_received";
    public const string EmailInbound = "email_inbound";

    public static IReadOnlyList<string> All { get; } =
    [
        Debtors, Invoices, Cases, Agreements, Escalations, Conversations, Transcripts, BotState, Outbox,
        BankReview, PayerAccounts, Proofs, StaffAccounts, AuditLog, SigningKeys, EmailTokens, TeamsServiceUrls, TeamsDeliveries,
        TelegramUpdates, TelegramButtons, ChannelState, WebChatConversations, WebChatActivities, WebChatClientIds, EmailSent, EmailReceived,
        EmailInbound,
    ];
}

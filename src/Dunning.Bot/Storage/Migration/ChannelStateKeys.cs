using System.Diagnostics.CodeAnalysis;

namespace Dunning.Bot.Storage.Migration;

/// <summary>
/// The keys of the channels' small "latest wins" values (PostgreSQL's <c>channel_state</c>, one record each of the
/// <see cref="StoredKinds.ChannelState"/> kind): the Telegram polling offset and owner chat, the Teams owner chat, an IMAP
/// folder's checkpoint and a debtor's latest e-mail thread.
/// </summary>
internal static class ChannelStateKeys
{
    public const string TelegramOffset = "telegram:offset";
    public const string TelegramOwner = "telegram:owner";
    public const string TeamsOwner = "teams:owner";
    private const string EmailThreadPrefix = "email:thread:";
    private const string EmailCheckpointPrefix = "email:checkpoint:";

    public static string EmailThread(string debtorId) => EmailThreadPrefix + debtorId;

    public static string EmailCheckpoint(string folder) => EmailCheckpointPrefix + folder;

    /// <summary>The debtor of an e-mail thread's key (stored beside it, so erasing the debtor finds it); null for other keys.</summary>
    public static string? DebtorOf(string key) =>
        key.StartsWith(EmailThreadPrefix, StringComparison.Ordinal) ? key[EmailThreadPrefix.Length..] : null;

    public static bool IsEmailCheckpoint(string key, [NotNullWhen(true)] out string? folder)
    {
        folder = key.StartsWith(EmailCheckpointPrefix, StringComparison.Ordinal) ? key[EmailCheckpointPrefix.Length..] : null;
        return folder is not null;
    }
}

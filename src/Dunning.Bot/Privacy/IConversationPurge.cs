namespace Dunning.Bot.Privacy;

/// <summary>
/// Removes what a conversation left besides its channel's own log: the conversation link, its bot state (the dialog
/// stack) and its transcript entries. Used for expired unbound chats.
/// </summary>
public interface IConversationPurge
{
    /// <summary>
    /// Removes the conversation's traces unless it is bound to a debtor (checked in the same transaction); true when
    /// nothing of it is left (also when there was nothing), false when it is bound and everything stays.
    /// </summary>
    Task<bool> PurgeUnboundAsync(string channel, string conversationId, CancellationToken cancellationToken);
}

using Dunning.Bot.Conversations;

namespace Dunning.Bot.Channels.WebChat;

/// <summary>
/// The web chat's durable side: started conversations and, per conversation, an append-only log of activities (client
/// messages as echoed, bot replies, proactive messages). An activity's id is <c>{conversationId}|{sequence}</c>; the
/// watermark a client polls from is the sequence of the last activity it read. Each append is committed before it
/// returns (nothing written behind) unless an <see cref="Storage.IUnitOfWork"/> is open, which it then joins; appends to
/// one conversation are serialized. A read or write that fails throws <see cref="Storage.StorageException"/>.
/// </summary>
public interface IWebChatStore
{
    /// <summary>Conversations whose sequence is held in this host's memory now (for tests and diagnostics; 0 without a cache).</summary>
    int ConversationsInMemory { get; }

    /// <summary>Records a new conversation of <paramref name="userId"/>.</summary>
    Task CreateConversationAsync(string conversationId, string userId, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Whether the conversation was started here (and not removed).</summary>
    Task<bool> ExistsAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>Removes the conversation and its whole activity log: afterwards it does not exist.</summary>
    Task DeleteConversationAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>The ids of conversations started before <paramref name="cutoff"/>, oldest first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<string>> ListStartedBeforeAsync(DateTimeOffset cutoff, int limit, CancellationToken cancellationToken);

    /// <summary>Forgets what memory holds of conversations not used since <paramref name="cutoff"/>; returns how many.</summary>
    int EvictIdle(DateTimeOffset cutoff);

    /// <summary>
    /// Appends <paramref name="activities"/> in order, all or none, setting each one's <c>id</c>; returns the ids. The
    /// conversation must exist. Ids increase by one per activity; those of a discarded unit of work may be given again.
    /// </summary>
    Task<string[]> AppendAsync(string conversationId, IReadOnlyList<Activity> activities, CancellationToken cancellationToken);

    /// <summary>
    /// The activities after <paramref name="watermark"/> (all when null), at most <paramref name="max"/>, as their stored
    /// JSON, with the watermark to poll from next (unchanged when nothing is new).
    /// </summary>
    Task<ActivityPage> ReadAsync(string conversationId, long? watermark, int max, CancellationToken cancellationToken);

    /// <summary>The sequence of the conversation's last committed activity (0 when none): a watermark meaning "from now".</summary>
    Task<long> LastSequenceAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>
    /// The id of the activity a client posted with <paramref name="clientActivityId"/> in the conversation while that record
    /// is kept (see <see cref="RecordClientActivityAsync"/>); null otherwise. Reads what is committed.
    /// </summary>
    Task<string?> FindClientActivityAsync(string conversationId, string clientActivityId, CancellationToken cancellationToken);

    /// <summary>
    /// Records that the client's activity <paramref name="clientActivityId"/> was logged as <paramref name="activityId"/> (an id
    /// of this conversation's log, see <see cref="AppendAsync"/>); false, and nothing changed, when that client id is recorded
    /// in the conversation already — by any host. Joins an open unit of work as an append does (so a turn that fails records
    /// nothing), and forgets the client ids of activities more than <paramref name="window"/> sequence numbers before
    /// <paramref name="activityId"/>. A deleted conversation's records go with it.
    /// </summary>
    Task<bool> RecordClientActivityAsync(string conversationId, string clientActivityId, string activityId, int window, CancellationToken cancellationToken);
}

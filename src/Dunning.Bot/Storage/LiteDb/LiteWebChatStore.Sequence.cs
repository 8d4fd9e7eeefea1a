using System.Collections.Concurrent;
using Dunning.Bot.Channels.WebChat;
using Dunning.Bot.Conversations;
using LiteDB;

namespace Dunning.Bot.Storage.LiteDb;

/// <summary>A conversation's sequence and the activities it committed last, kept in memory.</summary>
public sealed partial class LiteWebChatStore
{
    /// <summary>The activities a unit of work will insert into one conversation's log, in order.</summary>
    private sealed record PendingInsert(string ConversationId, List<BsonDocument> Documents);

    private sealed class Sequence
    {
        public long Last;
        public bool Loaded;
        public DateTimeOffset LastUsed;

        /// <summary>The end of the conversation's committed log as this process wrote it; null when not known.</summary>
        public RecentActivities? Recent;
    }

    /// <summary>
    /// The last committed activities of a conversation (sequences <see cref="First"/> on, as stored JSON), and nothing
    /// committed after them: a poll from <c>First - 1</c> or later is answered from here. Only the latest batch is kept
    /// (a turn's echo and replies), so memory stays at one turn per conversation in memory.
    /// </summary>
    private sealed record RecentActivities(long First, string[] Json)
    {
        private long Last => First + Json.Length - 1;

        /// <summary>Nothing remembered, and the log ends at <paramref name="last"/>.</summary>
        public static RecentActivities After(long last) => new(last + 1, []);

        /// <summary>The page a poll from <paramref name="watermark"/> reads, or null when it starts before what is remembered.</summary>
        public ActivityPage? Page(long watermark, int max)
        {
            if (watermark >= Last)
                return new ActivityPage([], watermark);
            if (watermark < First - 1)
                return null;
            var from = (int)(watermark - First + 1);
            var count = Math.Min(max, Json.Length - from);
            return new ActivityPage(Json[from..(from + count)], watermark + count);
        }

        /// <summary>What is remembered once <paramref name="documents"/> are committed: them, if they continue this log without a gap; else null.</summary>
        public RecentActivities? Then(IReadOnlyList<BsonDocument> documents)
        {
            var json = new string[documents.Count];
            for (var i = 0; i < documents.Count; i++)
            {
                if (SequenceOf(documents[i]["_id"].AsString) != Last + 1 + i)
                    return null;
                json[i] = documents[i]["Json"].AsString;
            }
            return new RecentActivities(Last + 1, json);
        }
    }
}

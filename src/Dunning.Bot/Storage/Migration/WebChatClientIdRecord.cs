namespace Dunning.Bot.Storage.Migration;

/// <summary>
/// The client's id of an activity it posted to a web chat conversation (<c>channelData.clientActivityID</c>, else its id)
/// and the number its echo got in the log. A conversation's client ids move as one record (a list, by number), so a
/// client that retries a post across the move gets the first id back and no second turn runs.
/// </summary>
internal sealed record WebChatClientIdRecord(string ClientId, long Seq);

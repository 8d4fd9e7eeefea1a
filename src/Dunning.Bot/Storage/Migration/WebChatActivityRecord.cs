namespace Dunning.Bot.Storage.Migration;

/// <summary>
/// One activity of a web chat conversation's log: its number (the watermark a client polls from) and its JSON as the
/// client reads it. A conversation's log moves as one record (a list, oldest first), so a client's watermark means the
/// same after the move and the next activity takes the next number.
/// </summary>
internal sealed record WebChatActivityRecord(long Seq, string Json);

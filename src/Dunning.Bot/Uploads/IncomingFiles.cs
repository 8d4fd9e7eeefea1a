using Dunning.Bot.Conversations;

namespace Dunning.Bot.Uploads;

/// <summary>
/// The files of a turn's message, handed from the channel adapter to <see cref="PaymentProofs"/> in the turn state
/// (the activity itself carries only their names and declared types as attachments, so nothing of the content reaches
/// a transcript or the web chat log).
/// </summary>
public static class IncomingFiles
{
    private const string Key = "Dunning.IncomingFiles";

    public static void Set(ITurnContext turn, IReadOnlyList<IncomingFile> files)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (files is { Count: > 0 })
            turn.TurnState.Set(Key, files);
    }

    public static IReadOnlyList<IncomingFile> Of(ITurnContext turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        return turn.TurnState.Get<IReadOnlyList<IncomingFile>>(Key) ?? [];
    }

    /// <summary>The attachment an activity carries for <paramref name="file"/>: name and declared type only.</summary>
    public static Attachment Describe(IncomingFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return new Attachment { Name = file.Name, ContentType = file.DeclaredType ?? "application/octet-stream" };
    }
}

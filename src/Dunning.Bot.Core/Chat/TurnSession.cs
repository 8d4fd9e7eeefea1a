using Dunning.Bot.Conversations;
using Dunning.Bot.Core.Dialogs;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Understanding;

namespace Dunning.Bot.Core.Chat;

/// <summary>
/// What the bot knows about this turn's conversation, loaded once at the start of the turn by the bot
/// and read by every dialog: the conversation link, and the bound debtor (null before proof).
/// Dialogs must re-check <see cref="Debtor"/> rather than trust ids sent by the client.
/// </summary>
public sealed class TurnSession
{
    private const string TurnStateKey = "Dunning.TurnSession";

    public required ConversationLink Link { get; init; }

    public Debtor? Debtor { get; set; }

    public string Language => Link.Language;

    /// <summary>What MainDialog understood of this turn's message (null before linking or for non-message turns).</summary>
    public MessageUnderstanding? Understanding { get; set; }

    public static TurnSession Of(ITurnContext turn) =>
        turn.TurnState.Get<TurnSession>(TurnStateKey)
        ?? throw new InvalidOperationException("No TurnSession for this turn: the bot sets it before running dialogs.");

    /// <summary>The session of this turn, or null when the bot has not set one (proactive turns, other bots).</summary>
    public static TurnSession? TryOf(ITurnContext turn) => turn.TurnState.Get<TurnSession>(TurnStateKey);

    public static void Set(ITurnContext turn, TurnSession session) => turn.TurnState.Set(TurnStateKey, session);
}

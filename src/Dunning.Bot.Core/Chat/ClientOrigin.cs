using Dunning.Bot.Conversations;
using Dunning.Bot.Core.Dialogs;

namespace Dunning.Bot.Core.Chat;

/// <summary>
/// Who is sending this turn, for counting wrong secrets across conversations: the channel adapter sets the client's
/// network address where it knows one (web chat: the IP address, IPv6 by its /64 network); otherwise it is the
/// channel's account of the sender (Telegram user, Teams user), which a new chat of that account does not change.
/// </summary>
public static class ClientOrigin
{
    private const string TurnStateKey = "Dunning.ClientOrigin";

    /// <summary>Sets the client's network address (already reduced to the key to count by) for this turn.</summary>
    public static void Set(ITurnContext turn, string address)
    {
        ArgumentNullException.ThrowIfNull(turn);
        turn.TurnState.Set(TurnStateKey, "ip:" + address);
    }

    /// <summary>The key wrong secrets of this turn are counted by.</summary>
    public static string Of(ITurnContext turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        return turn.TurnState.Get<string>(TurnStateKey)
            ?? $"{turn.Activity.ChannelId}:{turn.Activity.From?.Id ?? turn.Activity.Conversation?.Id}";
    }
}

using Dunning.Bot.Conversations.State;
using Dunning.Bot.Core.Dialogs;

namespace Dunning.Bot.Core.Chat;

/// <summary>What MainDialog and the bot remember between turns of one conversation (kept in ConversationState).</summary>
public sealed class ConversationMemory
{
    /// <summary>The conversation-state property name.</summary>
    public const string PropertyName = "Memory";

    /// <summary>Messages in a row the bot did not understand.</summary>
    public int NotUnderstood { get; set; }

    /// <summary>The debtor was told, during the current Pending handoff, that a person will answer.</summary>
    public bool PendingNoted { get; set; }

    /// <summary>A person owned the conversation at some turn since the bot last spoke.</summary>
    public bool HandedToHuman { get; set; }

    public static IStatePropertyAccessor<ConversationMemory> Accessor(ConversationState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.CreateProperty<ConversationMemory>(PropertyName);
    }
}

namespace Dunning.Bot.Core.Domain;

/// <summary>Who speaks for the owner in a conversation: the bot, nobody yet (a person was asked for), or a person.</summary>
public enum HandoffState
{
    Bot,
    Pending,
    Human,
}

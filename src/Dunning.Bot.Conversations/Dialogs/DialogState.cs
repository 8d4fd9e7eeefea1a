namespace Dunning.Bot.Conversations.Dialogs;

/// <summary>The dialog stack persisted in conversation state; index 0 is the active (top) dialog.</summary>
public sealed class DialogState
{
    public DialogState()
    {
    }

    public DialogState(List<DialogInstance> stack)
    {
        DialogStack = stack ?? throw new ArgumentNullException(nameof(stack));
    }

    public List<DialogInstance> DialogStack { get; set; } = [];
}

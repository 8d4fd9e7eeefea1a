namespace Dunning.Bot.Conversations.Dialogs;

/// <summary>Where the dialog stack stands after a turn.</summary>
public enum DialogTurnStatus
{
    /// <summary>The stack was empty: no dialog was running.</summary>
    Empty,

    /// <summary>A dialog is waiting for the user's next activity.</summary>
    Waiting,

    /// <summary>The last dialog ended; <see cref="DialogTurnResult.Result"/> holds its result.</summary>
    Complete,

    /// <summary>The dialogs were cancelled (<see cref="DialogContext.CancelAllDialogsAsync"/>).</summary>
    Cancelled,
}

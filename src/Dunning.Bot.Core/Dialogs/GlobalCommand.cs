namespace Dunning.Bot.Core.Dialogs;

/// <summary>Commands the interruption layer understands besides intents: they are words, not meanings.</summary>
public enum GlobalCommand
{
    None,
    Help,
    Cancel,
}

using Dunning.Bot.Conversations.Dialogs;
using Dunning.Bot.Core.Understanding;

namespace Dunning.Bot.Core.Dialogs;

/// <summary>
/// A dialog that MainDialog starts for certain intents. MainDialog receives every registered
/// <see cref="IntentDialog"/> and routes a recognized intent to the one that <see cref="Handles"/> it;
/// the <see cref="MessageUnderstanding"/> of the message is passed as the dialog's options.
/// Runs only for a linked conversation (<see cref="TurnSession.Debtor"/> is set).
/// </summary>
public abstract class IntentDialog(string dialogId) : ComponentDialog(dialogId)
{
    /// <summary>The intents this dialog takes over from MainDialog.</summary>
    public abstract IReadOnlySet<Intent> Handles { get; }
}

using Dunning.Bot.Conversations.Dialogs;
using Dunning.Bot.Core.Chat;
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

    /// <summary>
    /// True when this dialog, running as <paramref name="active"/>, answers <paramref name="intent"/> itself although the
    /// interruption layer would otherwise take it (e.g. "ask a colleague" among counter-offers carries the request to
    /// staff). Default: never.
    /// </summary>
    public virtual bool AnswersItself(DialogInstance active, Intent intent) => false;
}

using System.Runtime.CompilerServices;
using Dunning.Bot.Conversations.State;

namespace Dunning.Bot.Conversations.Dialogs;

/// <summary>Runs a root dialog for a turn, as Bot Framework's <c>DialogExtensions.RunAsync</c>.</summary>
public static class DialogExtensions
{
    // The one-dialog set around a root dialog, made once per dialog instead of once per turn.
    private static readonly ConditionalWeakTable<Dialog, DialogSet> RootSets = new();

    /// <summary>
    /// Continues the dialog stack in <paramref name="accessor"/>; when it is empty, begins
    /// <paramref name="dialog"/>. Does not save state: call <see cref="BotState.SaveChangesAsync"/> after
    /// (or use <see cref="AutoSaveStateMiddleware"/>).
    /// </summary>
    public static async Task<DialogTurnResult> RunAsync(this Dialog dialog, ITurnContext turnContext, IStatePropertyAccessor<DialogState> accessor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dialog);
        ArgumentNullException.ThrowIfNull(accessor);
        var state = await accessor.GetAsync(turnContext, static () => new DialogState(), cancellationToken);
        var dc = new DialogContext(RootSets.GetValue(dialog, static root => new DialogSet().Add(root)), turnContext, state);
        var result = await dc.ContinueDialogAsync(cancellationToken);
        if (result.Status == DialogTurnStatus.Empty)
            result = await dc.BeginDialogAsync(dialog.Id, null, cancellationToken);
        return result;
    }
}

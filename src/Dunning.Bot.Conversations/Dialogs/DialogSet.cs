using Dunning.Bot.Conversations.State;

namespace Dunning.Bot.Conversations.Dialogs;

/// <summary>The dialogs a <see cref="DialogContext"/> can start, by id.</summary>
public class DialogSet
{
    private readonly Dictionary<string, Dialog> _dialogs = new(StringComparer.Ordinal);
    private readonly IStatePropertyAccessor<DialogState>? _dialogState;

    /// <param name="dialogState">Where the stack is persisted; needed only for <see cref="CreateContextAsync"/>.</param>
    public DialogSet(IStatePropertyAccessor<DialogState>? dialogState = null)
    {
        _dialogState = dialogState;
    }

    /// <summary>Adds a dialog; throws <see cref="ArgumentException"/> when its id is already taken.</summary>
    public DialogSet Add(Dialog dialog)
    {
        ArgumentNullException.ThrowIfNull(dialog);
        if (!_dialogs.TryAdd(dialog.Id, dialog))
            throw new ArgumentException($"A dialog with id '{dialog.Id}' is already in the set.", nameof(dialog));
        return this;
    }

    public Dialog? Find(string dialogId) => _dialogs.GetValueOrDefault(dialogId);

    /// <summary>A context over the persisted stack of this turn (created empty on first use).</summary>
    public async Task<DialogContext> CreateContextAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        if (_dialogState is null)
            throw new InvalidOperationException("This DialogSet was created without a DialogState accessor.");
        var state = await _dialogState.GetAsync(turnContext, static () => new DialogState(), cancellationToken);
        return new DialogContext(this, turnContext, state);
    }
}

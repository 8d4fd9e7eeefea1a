using Dunning.Bot.Conversations.Dialogs.Prompts;

namespace Dunning.Bot.Conversations.Dialogs;

/// <summary>
/// The dialog stack of one turn, with Bot Framework's operations on it. Index 0 of <see cref="Stack"/> is
/// the active dialog. Dialog ids are looked up in <see cref="Dialogs"/>, then in the parent contexts.
/// </summary>
public class DialogContext
{
    public DialogContext(DialogSet dialogs, ITurnContext turnContext, DialogState state)
        : this(dialogs, null, turnContext, state)
    {
    }

    public DialogContext(DialogSet dialogs, DialogContext? parent, ITurnContext turnContext, DialogState state)
    {
        Dialogs = dialogs ?? throw new ArgumentNullException(nameof(dialogs));
        Context = turnContext ?? throw new ArgumentNullException(nameof(turnContext));
        ArgumentNullException.ThrowIfNull(state);
        Stack = state.DialogStack;
        Parent = parent;
    }

    public DialogSet Dialogs { get; }

    public ITurnContext Context { get; }

    public List<DialogInstance> Stack { get; }

    /// <summary>The context of the enclosing component dialog, if any.</summary>
    public DialogContext? Parent { get; }

    public DialogInstance? ActiveDialog => Stack.Count > 0 ? Stack[0] : null;

    /// <summary>Pushes the dialog <paramref name="dialogId"/> and starts it with <paramref name="options"/>.</summary>
    public async Task<DialogTurnResult> BeginDialogAsync(string dialogId, object? options, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(dialogId);
        var dialog = FindDialog(dialogId)
            ?? throw new InvalidOperationException($"Dialog '{dialogId}' was not found in this set or its parents.");
        Stack.Insert(0, new DialogInstance { Id = dialogId });
        return await dialog.BeginDialogAsync(this, options, cancellationToken);
    }

    /// <summary>Starts a prompt: <see cref="BeginDialogAsync"/> with typed options.</summary>
    public Task<DialogTurnResult> PromptAsync(string dialogId, PromptOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        return BeginDialogAsync(dialogId, options, cancellationToken);
    }

    /// <summary>Hands the turn to the active dialog; <see cref="DialogTurnStatus.Empty"/> when there is none.</summary>
    public Task<DialogTurnResult> ContinueDialogAsync(CancellationToken cancellationToken)
    {
        if (ActiveDialog is not { } instance)
            return Task.FromResult(new DialogTurnResult(DialogTurnStatus.Empty));
        return GetDialog(instance).ContinueDialogAsync(this, cancellationToken);
    }

    /// <summary>
    /// Ends the active dialog and resumes the one below it with <paramref name="result"/>; when the stack
    /// becomes empty, returns <see cref="DialogTurnStatus.Complete"/> with the result.
    /// </summary>
    public async Task<DialogTurnResult> EndDialogAsync(object? result, CancellationToken cancellationToken)
    {
        await EndActiveDialogAsync(DialogReason.EndCalled, cancellationToken);
        if (ActiveDialog is { } instance)
            return await GetDialog(instance).ResumeDialogAsync(this, DialogReason.EndCalled, result, cancellationToken);
        return new DialogTurnResult(DialogTurnStatus.Complete, result);
    }

    /// <summary>
    /// Ends every dialog on this stack (each gets <see cref="DialogReason.CancelCalled"/>). Inside a
    /// <see cref="ComponentDialog"/> the cancellation propagates: the component cancels its parent's stack
    /// too, up to the root, which then reports <see cref="DialogTurnStatus.Cancelled"/>.
    /// </summary>
    public async Task<DialogTurnResult> CancelAllDialogsAsync(CancellationToken cancellationToken)
    {
        if (Stack.Count == 0)
            return new DialogTurnResult(DialogTurnStatus.Empty);
        while (Stack.Count > 0)
            await EndActiveDialogAsync(DialogReason.CancelCalled, cancellationToken);
        return new DialogTurnResult(DialogTurnStatus.Cancelled);
    }

    /// <summary>Ends the active dialog without resuming the one below, and starts <paramref name="dialogId"/> in its place.</summary>
    public async Task<DialogTurnResult> ReplaceDialogAsync(string dialogId, object? options, CancellationToken cancellationToken)
    {
        await EndActiveDialogAsync(DialogReason.ReplaceCalled, cancellationToken);
        return await BeginDialogAsync(dialogId, options, cancellationToken);
    }

    /// <summary>Asks the active dialog to repeat its question.</summary>
    public Task RepromptDialogAsync(CancellationToken cancellationToken) =>
        ActiveDialog is { } instance
            ? GetDialog(instance).RepromptDialogAsync(Context, instance, cancellationToken)
            : Task.CompletedTask;

    /// <summary>The dialog with <paramref name="dialogId"/> in this set or a parent's; null when none.</summary>
    public Dialog? FindDialog(string dialogId) => Dialogs.Find(dialogId) ?? Parent?.FindDialog(dialogId);

    private Dialog GetDialog(DialogInstance instance) =>
        FindDialog(instance.Id)
        ?? throw new InvalidOperationException($"The dialog stack names '{instance.Id}', which is not registered (was it renamed?).");

    private async Task EndActiveDialogAsync(DialogReason reason, CancellationToken cancellationToken)
    {
        if (ActiveDialog is not { } instance)
            return;
        var dialog = FindDialog(instance.Id);
        if (dialog is not null)
            await dialog.EndDialogAsync(Context, instance, reason, cancellationToken);
        Stack.RemoveAt(0);
    }
}

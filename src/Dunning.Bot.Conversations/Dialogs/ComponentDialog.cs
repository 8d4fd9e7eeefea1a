namespace Dunning.Bot.Conversations.Dialogs;

/// <summary>
/// A dialog made of dialogs: it owns a <see cref="DialogSet"/> and keeps its own inner stack in its
/// instance state, so to the outside it is one dialog. The constructor is the script: add the child
/// dialogs and prompts with <see cref="AddDialog"/> (the first becomes <see cref="InitialDialogId"/>).
/// Override <see cref="OnContinueDialogAsync"/> to intercept every user activity before the inner
/// dialogs see it — the hook for global commands (help, cancel, human).
/// </summary>
public class ComponentDialog : Dialog
{
    private const string InnerStackKey = "dialogs";

    public ComponentDialog(string dialogId)
        : base(dialogId)
    {
    }

    /// <summary>The id of the inner dialog started when this component begins.</summary>
    public string? InitialDialogId { get; set; }

    protected DialogSet Dialogs { get; } = new();

    /// <summary>Adds a child dialog; the first one added becomes <see cref="InitialDialogId"/> unless set.</summary>
    public ComponentDialog AddDialog(Dialog dialog)
    {
        Dialogs.Add(dialog);
        InitialDialogId ??= dialog.Id;
        return this;
    }

    /// <summary>The id of the inner dialog at the top of <paramref name="instance"/>'s stack (what it waits on), or null.</summary>
    public static string? WaitingOn(DialogInstance instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        return instance.State.GetValue<DialogState>(InnerStackKey)?.DialogStack.FirstOrDefault()?.Id;
    }

    /// <summary>A child dialog by id (this component's set only).</summary>
    public Dialog? FindDialog(string dialogId) => Dialogs.Find(dialogId);

    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var innerState = new DialogState();
        dc.ActiveDialog!.State[InnerStackKey] = innerState;
        var innerDc = new DialogContext(Dialogs, dc, dc.Context, innerState);
        var result = await OnBeginDialogAsync(innerDc, options, cancellationToken);
        return await CompleteTurnAsync(dc, result, cancellationToken);
    }

    public override async Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var innerDc = CreateInnerContext(dc, dc.Context, dc.ActiveDialog!);
        var result = await OnContinueDialogAsync(innerDc, cancellationToken);
        return await CompleteTurnAsync(dc, result, cancellationToken);
    }

    /// <summary>Something pushed above the component ended: ask the inner dialog's question again, and wait.</summary>
    public override async Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, DialogReason reason, object? result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        await RepromptDialogAsync(dc.Context, dc.ActiveDialog!, cancellationToken);
        return EndOfTurn;
    }

    public override Task RepromptDialogAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken) =>
        CreateInnerContext(null, turnContext, instance).RepromptDialogAsync(cancellationToken);

    /// <summary>On cancel, cancels the inner dialogs too so each gets its end notification.</summary>
    public override async Task EndDialogAsync(ITurnContext turnContext, DialogInstance instance, DialogReason reason, CancellationToken cancellationToken)
    {
        if (reason == DialogReason.CancelCalled)
            await CreateInnerContext(null, turnContext, instance).CancelAllDialogsAsync(cancellationToken);
    }

    /// <summary>Starts the inner dialog; the default begins <see cref="InitialDialogId"/> with the options.</summary>
    protected virtual Task<DialogTurnResult> OnBeginDialogAsync(DialogContext innerDc, object? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(innerDc);
        var initial = InitialDialogId ?? throw new InvalidOperationException($"Component '{Id}' has no dialogs.");
        return innerDc.BeginDialogAsync(initial, options, cancellationToken);
    }

    /// <summary>
    /// Every user activity passes here first (the interruption hook). The default continues the inner
    /// dialog. Return <c>innerDc.CancelAllDialogsAsync</c> to cancel, or handle the activity and return
    /// <see cref="Dialog.EndOfTurn"/> (after <c>innerDc.RepromptDialogAsync</c>) to stay where you were.
    /// </summary>
    protected virtual Task<DialogTurnResult> OnContinueDialogAsync(DialogContext innerDc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(innerDc);
        return innerDc.ContinueDialogAsync(cancellationToken);
    }

    /// <summary>The inner stack completed: ends this component with the result. Override to map the result.</summary>
    protected virtual Task<DialogTurnResult> EndComponentAsync(DialogContext outerDc, object? result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outerDc);
        return outerDc.EndDialogAsync(result, cancellationToken);
    }

    private Task<DialogTurnResult> CompleteTurnAsync(DialogContext outerDc, DialogTurnResult inner, CancellationToken cancellationToken) =>
        inner.Status switch
        {
            DialogTurnStatus.Waiting => Task.FromResult(EndOfTurn),
            DialogTurnStatus.Cancelled => outerDc.CancelAllDialogsAsync(cancellationToken),
            _ => EndComponentAsync(outerDc, inner.Result, cancellationToken),
        };

    private DialogContext CreateInnerContext(DialogContext? outerDc, ITurnContext turnContext, DialogInstance instance)
    {
        var innerState = instance.State.GetValue<DialogState>(InnerStackKey) ?? new DialogState();
        instance.State[InnerStackKey] = innerState;
        return new DialogContext(Dialogs, outerDc, turnContext, innerState);
    }
}

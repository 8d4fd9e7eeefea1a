namespace Dunning.Bot.Conversations.Dialogs;

/// <summary>
/// The <see cref="DialogContext"/> seen by a waterfall step, plus the step's inputs: the dialog's
/// <see cref="Options"/>, the <see cref="Values"/> shared by all steps (persisted), and the
/// <see cref="Result"/> of the previous step or prompt.
/// </summary>
public sealed class WaterfallStepContext : DialogContext
{
    private readonly WaterfallDialog _waterfall;
    private bool _nextCalled;

    internal WaterfallStepContext(WaterfallDialog waterfall, DialogContext dc, object? options, IDictionary<string, object?> values, int index, DialogReason reason, object? result)
        : base(dc.Dialogs, dc.Parent, dc.Context, new DialogState(dc.Stack))
    {
        _waterfall = waterfall;
        Options = options;
        Values = values;
        Index = index;
        Reason = reason;
        Result = result;
    }

    /// <summary>The zero-based index of the running step.</summary>
    public int Index { get; }

    /// <summary>The options the waterfall was begun with; raw JSON after a reload — use <see cref="GetOptions{T}"/>.</summary>
    public object? Options { get; }

    public DialogReason Reason { get; }

    /// <summary>What the previous step passed on: a prompt's value, a child's result, or the user's text.</summary>
    public object? Result { get; }

    /// <summary>Values shared by all steps of this waterfall instance, persisted with the stack. Read with <see cref="StateValues.GetValue{T}"/>.</summary>
    public IDictionary<string, object?> Values { get; }

    /// <summary>The options as <typeparamref name="T"/> (converted from JSON if they were reloaded).</summary>
    public T? GetOptions<T>() => StateValues.As<T>(Options);

    /// <summary>Skips to the next step with <paramref name="result"/>; may be called once per step.</summary>
    public Task<DialogTurnResult> NextAsync(object? result, CancellationToken cancellationToken)
    {
        if (_nextCalled)
            throw new InvalidOperationException($"NextAsync was already called in step {Index} of '{_waterfall.Id}'.");
        _nextCalled = true;
        return _waterfall.ResumeDialogAsync(this, DialogReason.NextCalled, result, cancellationToken);
    }
}

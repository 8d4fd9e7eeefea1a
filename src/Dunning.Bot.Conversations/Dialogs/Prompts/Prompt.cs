namespace Dunning.Bot.Conversations.Dialogs.Prompts;

/// <summary>
/// A dialog that asks one question and ends with the typed answer. Each user message is recognized
/// (<see cref="OnRecognizeAsync"/>), then checked by the validator (when given; otherwise recognition
/// decides). Valid: the prompt ends with the value. Not valid: the retry prompt is sent (unless the
/// validator already replied) and the prompt waits — or, when <see cref="PromptOptions.MaxAttempts"/>
/// is reached, ends with <see cref="PromptAttemptsExhausted"/>. Non-message activities are ignored.
/// </summary>
public abstract class Prompt<T> : Dialog
{
    private const string OptionsKey = "options";
    private const string AttemptCountKey = "attemptCount";
    private readonly PromptValidator<T>? _validator;

    protected Prompt(string dialogId, PromptValidator<T>? validator)
        : base(dialogId)
    {
        _validator = validator;
    }

    /// <summary>Begins the prompt; <paramref name="options"/> must be a <see cref="PromptOptions"/>.</summary>
    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var promptOptions = options as PromptOptions
            ?? throw new ArgumentException($"Prompt '{Id}' must be started with PromptOptions.", nameof(options));
        if (promptOptions.MaxAttempts is < 1)
            throw new ArgumentException("MaxAttempts must be at least 1.", nameof(options));
        var state = dc.ActiveDialog!.State;
        state[OptionsKey] = promptOptions;
        state[AttemptCountKey] = 0;
        await OnPromptAsync(dc.Context, state, promptOptions, false, cancellationToken);
        return EndOfTurn;
    }

    public override async Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        if (dc.Context.Activity.Type != ActivityTypes.Message)
            return EndOfTurn;

        var state = dc.ActiveDialog!.State;
        var options = GetOptions(state);
        var attempts = state.GetValue<int>(AttemptCountKey) + 1;
        state[AttemptCountKey] = attempts;

        var recognized = await OnRecognizeAsync(dc.Context, state, options, cancellationToken);
        var valid = _validator is null
            ? recognized.Succeeded
            : await _validator(new PromptValidatorContext<T>(dc.Context, recognized, state, options, attempts), cancellationToken);
        if (valid)
            return await dc.EndDialogAsync(recognized.Value, cancellationToken);

        if (options.MaxAttempts is { } max && attempts >= max)
            return await dc.EndDialogAsync(new PromptAttemptsExhausted(Id, attempts), cancellationToken);

        if (!dc.Context.Responded)
            await OnPromptAsync(dc.Context, state, options, true, cancellationToken);
        return EndOfTurn;
    }

    /// <summary>A dialog started above this prompt ended: ask again and keep waiting.</summary>
    public override async Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, DialogReason reason, object? result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        await RepromptDialogAsync(dc.Context, dc.ActiveDialog!, cancellationToken);
        return EndOfTurn;
    }

    public override Task RepromptDialogAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(instance);
        return OnPromptAsync(turnContext, instance.State, GetOptions(instance.State), false, cancellationToken);
    }

    /// <summary>Sends the question (or the retry prompt). The default sends a copy of the prompt activity.</summary>
    protected virtual Task OnPromptAsync(ITurnContext turnContext, IDictionary<string, object?> state, PromptOptions options, bool isRetry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(options);
        var activity = PromptFor(options, isRetry);
        return activity is null ? Task.CompletedTask : turnContext.SendActivityAsync(activity.Clone(), cancellationToken);
    }

    /// <summary>The activity to send: the retry prompt on a retry when there is one, else the prompt.</summary>
    protected static Activity? PromptFor(PromptOptions options, bool isRetry)
    {
        ArgumentNullException.ThrowIfNull(options);
        return isRetry && options.RetryPrompt is not null ? options.RetryPrompt : options.Prompt;
    }

    /// <summary>Understands the user's activity.</summary>
    protected abstract Task<PromptRecognizerResult<T>> OnRecognizeAsync(ITurnContext turnContext, IDictionary<string, object?> state, PromptOptions options, CancellationToken cancellationToken);

    private PromptOptions GetOptions(IDictionary<string, object?> state) =>
        state.GetValue<PromptOptions>(OptionsKey)
        ?? throw new InvalidOperationException($"Prompt '{Id}' has no options in its state.");
}

using Dunning.Bot.Conversations.Dialogs;
using Dunning.Bot.Conversations.State;

namespace Dunning.Bot.Conversations.Testing;

/// <summary>
/// Drives one dialog like a transcript: send what the user says, get what the bot replied in that turn,
/// then check <see cref="DialogTurnResult"/> (status and result) and the persisted state. Each turn loads
/// and saves <see cref="ConversationState"/> in <see cref="Storage"/>, exactly as the host does; a failing
/// turn goes through the adapter's error handling (neutral reply, state reset).
/// </summary>
public class DialogTestClient
{
    /// <summary>The conversation-state property holding the dialog stack.</summary>
    public const string DialogStateProperty = "DialogState";

    private readonly Dialog _dialog;
    private readonly object? _initialOptions;

    public DialogTestClient(Dialog targetDialog, object? initialDialogOptions = null, TestAdapter? adapter = null, IStorage? storage = null, IEnumerable<IMiddleware>? middlewares = null)
    {
        _dialog = targetDialog ?? throw new ArgumentNullException(nameof(targetDialog));
        _initialOptions = initialDialogOptions;
        Adapter = adapter ?? new TestAdapter();
        Storage = storage ?? new MemoryStorage();
        ConversationState = new ConversationState(Storage);
        DialogState = ConversationState.CreateProperty<DialogState>(DialogStateProperty);
        Adapter.StatesToResetOnError.Add(ConversationState);
        foreach (var middleware in middlewares ?? [])
            Adapter.Use(middleware);
    }

    public TestAdapter Adapter { get; }

    public IStorage Storage { get; }

    public ConversationState ConversationState { get; }

    public IStatePropertyAccessor<DialogState> DialogState { get; }

    /// <summary>The result of the last turn (null before the first, or when the turn failed).</summary>
    public DialogTurnResult? DialogTurnResult { get; private set; }

    /// <summary>Runs a turn with the user saying <paramref name="text"/>; returns the bot's replies of that turn.</summary>
    public Task<IReadOnlyList<Activity>> SendActivityAsync(string text, CancellationToken cancellationToken) =>
        SendActivityAsync(Adapter.MakeActivity(text), cancellationToken);

    /// <summary>Runs a turn for <paramref name="activity"/>; returns the bot's replies of that turn.</summary>
    public async Task<IReadOnlyList<Activity>> SendActivityAsync(Activity activity, CancellationToken cancellationToken)
    {
        Adapter.TakeReplies();
        DialogTurnResult = null;
        await Adapter.ProcessActivityAsync(activity, RunTurnAsync, cancellationToken);
        return Adapter.TakeReplies();
    }

    /// <summary>Reply texts of a turn, for compact transcript assertions.</summary>
    public async Task<IReadOnlyList<string?>> SayAsync(string text, CancellationToken cancellationToken)
    {
        var replies = await SendActivityAsync(text, cancellationToken);
        return [.. replies.Select(r => r.Text)];
    }

    private async Task RunTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var dc = await new DialogSet(DialogState).Add(_dialog).CreateContextAsync(turnContext, cancellationToken);
        var result = await dc.ContinueDialogAsync(cancellationToken);
        if (result.Status == DialogTurnStatus.Empty)
            result = await dc.BeginDialogAsync(_dialog.Id, _initialOptions, cancellationToken);
        await ConversationState.SaveChangesAsync(turnContext, false, cancellationToken);
        DialogTurnResult = result;
    }
}

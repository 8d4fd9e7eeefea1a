using Dunning.Bot.Conversations;
using Dunning.Bot.Conversations.Dialogs;
using Dunning.Bot.Conversations.Dialogs.Prompts;
using Dunning.Bot.Core.Chat;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Core.Statements;
using Dunning.Bot.Core.Understanding;

namespace Dunning.Bot.Core.Dialogs;

/// <summary>
/// Base of the dialogs that act on the bound debtor's case (already paid, dispute, hardship, negotiation). While one of
/// them waits for an answer, a change of subject (<see cref="Interruptions.ChangesSubject"/>: dispute, hardship, "already
/// paid", a request for a person or an opt-out this dialog does not handle itself) ends it with an <see cref="Interruption"/>
/// before anything is stored, so MainDialog can start the dialog for that intent. Replies come from <c>dialogs/&lt;WordingDialog&gt;.&lt;lang&gt;.yaml</c>.
/// </summary>
public abstract class CaseDialog : IntentDialog
{
    /// <summary>Longest text of the debtor's kept in a case, an escalation or a pause reason.</summary>
    public const int MaxWordsLength = 1000;

    private const string UnderstandingKey = "Dunning.CaseDialog.Understanding";

    protected CaseDialog(string dialogId, string wordingDialog, CaseDialogServices services)
        : base(dialogId)
    {
        WordingDialog = wordingDialog;
        Services = services ?? throw new ArgumentNullException(nameof(services));
    }

    /// <summary>The dialog name of this dialog's wording file.</summary>
    public string WordingDialog { get; }

    protected CaseDialogServices Services { get; }

    /// <summary>The bound debtor; these dialogs never run before binding.</summary>
    protected static Debtor DebtorOf(ITurnContext turn) =>
        TurnSession.Of(turn).Debtor ?? throw new InvalidOperationException("A case dialog ran in a conversation not bound to a debtor.");

    /// <summary>Today in the debtor's time zone.</summary>
    protected DateOnly Today(ITurnContext turn) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(Services.Clock.GetUtcNow(), DebtorOf(turn).TimeZoneInfo).DateTime);

    /// <summary>An instant shown to the debtor as their local date and time.</summary>
    protected static DateTime Local(ITurnContext turn, DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, DebtorOf(turn).TimeZoneInfo).DateTime;


    /// <summary>When a person answers this escalation, in the debtor's words of time ("morgen, 12 Uhr"), see <see cref="Wording.AnswerTime"/>.</summary>
    protected string AnswerTime(ITurnContext turn, Escalation escalation)
    {
        ArgumentNullException.ThrowIfNull(escalation);
        var now = Services.Clock.GetUtcNow();
        return Services.Wording.AnswerTime(turn, escalation.RespondBy ?? now, now, DebtorOf(turn).TimeZoneInfo);
    }

    /// <summary>The start of <paramref name="day"/> in the debtor's time zone.</summary>
    protected static DateTimeOffset StartOf(ITurnContext turn, DateOnly day) => Cases.AgreementDesk.StartOf(day, DebtorOf(turn).TimeZoneInfo);

    /// <summary>
    /// The message of this turn as Core understands it: what MainDialog recognized for this turn, so every dialog reads
    /// a message the same way; recognized here (once per turn, by the same recognizer) only when no MainDialog ran.
    /// </summary>
    protected MessageUnderstanding Understand(ITurnContext turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var session = TurnSession.Of(turn);
        if (session.Understanding is { } main)
            return main;
        if (turn.TurnState.Get<MessageUnderstanding>(UnderstandingKey) is { } known)
            return known;
        var pending = Services.Recognizer.RecognizeAsync(turn.Activity.Text,
            RecognitionContext.At(Services.Clock, DebtorOf(turn).TimeZoneInfo, session.Language), CancellationToken.None);
        // The offline recognizer completes synchronously; only a model-backed one outside MainDialog would wait here.
        var understood = pending.IsCompletedSuccessfully ? pending.Result : pending.AsTask().GetAwaiter().GetResult();
        turn.TurnState.Set(UnderstandingKey, understood);
        return understood;
    }

    /// <summary>The debtor's own words of this turn, trimmed and cut to <see cref="MaxWordsLength"/>.</summary>
    protected static string WordsOf(ITurnContext turn)
    {
        var text = (turn.Activity.Text ?? string.Empty).Trim();
        return text.Length > MaxWordsLength ? text[..MaxWordsLength] + "…" : text;
    }

    protected Activity Message(ITurnContext turn, string key, object? model = null, IReadOnlyList<string>? buttons = null) =>
        Services.Wording.Message(turn, WordingDialog, key, model, buttons);

    protected Task SayAsync(ITurnContext turn, string key, object? model, CancellationToken cancellationToken, IReadOnlyList<string>? buttons = null) =>
        Services.Wording.SayAsync(turn, WordingDialog, key, model, cancellationToken, buttons);

    protected string Button(ITurnContext turn, string key) =>
        Services.Wording.Catalogue.Button(WordingDialog, key, TurnSession.Of(turn).Language);

    /// <summary>Prompt options with the question and retry from this dialog's wording; at most three answers.</summary>
    protected PromptOptions Ask(ITurnContext turn, string key, string retryKey, object? model = null, List<Choice>? choices = null) => new()
    {
        Prompt = Message(turn, key, model),
        RetryPrompt = Message(turn, retryKey, model),
        Choices = choices,
        MaxAttempts = 3,
    };

    /// <summary>
    /// The debtor's open invoices (claim not settled, not written off) the message is about: the ones it names, or all when
    /// it names none of them. Oldest due first.
    /// </summary>
    protected async Task<List<Invoice>> OpenInvoicesAsync(ITurnContext turn, IReadOnlyList<string> named, CancellationToken cancellationToken) =>
        [.. (await OpenStatementsAsync(turn, named, cancellationToken)).Select(s => s.Invoice)];

    /// <summary>As <see cref="OpenInvoicesAsync"/>, with each invoice's statement of this turn (its open claim is <see cref="InvoiceStatement.Due"/>).</summary>
    protected async Task<List<InvoiceStatement>> OpenStatementsAsync(ITurnContext turn, IReadOnlyList<string> named, CancellationToken cancellationToken)
    {
        var statement = await Services.Statements.StatementAsync(turn, DebtorOf(turn), cancellationToken);
        var open = statement.Open;
        var picked = open.Where(i => named.Contains(i.Number, StringComparer.OrdinalIgnoreCase)).ToList();
        return picked.Count > 0 ? picked : [.. open];
    }

    /// <inheritdoc/>
    public override bool AnswersItself(DialogInstance active, Intent intent)
    {
        ArgumentNullException.ThrowIfNull(active);
        return WaitingOn(active) is { } waitingOn && AnswersWhileWaitingOn(waitingOn, intent);
    }

    /// <summary>True when the dialog answers <paramref name="intent"/> itself while its inner dialog <paramref name="waitingOn"/> waits (default never).</summary>
    protected virtual bool AnswersWhileWaitingOn(string waitingOn, Intent intent) => false;

    /// <summary>Ends on a change of subject (the interruption layer's rule, <see cref="Interruptions.ChangesSubject"/>); otherwise the waiting prompt continues.</summary>
    protected override async Task<DialogTurnResult> OnContinueDialogAsync(DialogContext innerDc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(innerDc);
        if (innerDc.Context.Activity.Type == ActivityTypes.Message
            && Understand(innerDc.Context) is { } understood
            && Interruptions.ChangesSubject(this, innerDc.ActiveDialog is { Id: var waitingOn } && AnswersWhileWaitingOn(waitingOn, understood.Intent),
                understood.Intent, innerDc.Context.Activity.Text))
        {
            await innerDc.CancelAllDialogsAsync(cancellationToken);
            return new DialogTurnResult(DialogTurnStatus.Complete, new Interruption(understood));
        }
        return await base.OnContinueDialogAsync(innerDc, cancellationToken);
    }

    /// <summary>
    /// Stops dunning on each invoice until <paramref name="until"/>. A pause already running longer (or without end)
    /// is kept: a shorter new one must not cut it.
    /// </summary>
    protected async Task PauseAsync(IEnumerable<string> invoiceNumbers, string reason, DateTimeOffset until, CancellationToken cancellationToken)
    {
        var now = Services.Clock.GetUtcNow();
        foreach (var number in invoiceNumbers)
        {
            await Services.Invoices.UpdateAsync(number, invoice =>
            {
                if (invoice.Pause is { } current && current.IsActive(now) && (current.Until is null || current.Until >= until))
                    return;
                invoice.PauseDunning(reason, until, now);
            }, cancellationToken);
        }
    }

    /// <summary>Adds an entry to the debtor's case history, written by the bot; the schedule re-evaluates the case.</summary>
    protected Task RecordAsync(string debtorId, string kind, string summary, IReadOnlyList<string> invoiceNumbers, CancellationToken cancellationToken) =>
        Services.Cases.RecordAsync(debtorId, Services.Clock.GetUtcNow(), kind, summary, invoiceNumbers, "bot", cancellationToken);
}

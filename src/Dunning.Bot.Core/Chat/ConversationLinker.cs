using System.Globalization;
using System.Text.Json;
using Dunning.Bot.Conversations;
using Dunning.Bot.Core.Dialogs;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Core.Statements;
using Dunning.Bot.Core.Understanding;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dunning.Bot.Core.Chat;

/// <summary>
/// The one place that binds a conversation to a debtor, from any of the three signals: the web chat's
/// <c>webchat/join</c> event (value <c>{"linkToken": "...", "locale": "de-DE"}</c>), Telegram's <c>/start &lt;token&gt;</c>,
/// or an access code typed into the chat. Until a conversation is bound it answers every message by asking for the
/// code and reveals nothing about any debtor. Wrong codes and unknown tokens count towards a back-off kept by the
/// <see cref="IAttemptGuard"/> across conversations and channels (a new chat does not start afresh). A conversation
/// bound to one debtor refuses another debtor's token; one debtor may bind several conversations.
/// </summary>
public sealed partial class ConversationLinker(
    IDebtorStore debtors,
    InvoiceStatements statements,
    ICaseStore cases,
    Wording wording,
    IAsyncMessageRecognizer recognizer,
    TimeProvider clock,
    IAttemptGuard guard,
    IOptions<ConversationOptions> options,
    ILogger<ConversationLinker> logger,
    INewBindingNotifier? newBindings = null)
{
    /// <summary>The event the web chat page posts when it opens.</summary>
    public const string JoinEventName = "webchat/join";

    private const string Linking = "linking";
    private const string StartCommand = "/start";

    private ConversationOptions Options => options.Value;

    /// <summary>
    /// Handles the turn when it is a linking signal, or when the conversation is not bound yet. Returns false only for
    /// messages of a bound conversation that are not a linking signal: those go on to MainDialog.
    /// </summary>
    public async Task<bool> HandleAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var session = TurnSession.Of(turn);
        var activity = turn.Activity;
        if (activity is { Type: ActivityTypes.Event, Name: JoinEventName })
        {
            await OnJoinAsync(turn, session, activity.Value, cancellationToken);
            return true;
        }
        if (activity.Type != ActivityTypes.Message)
            return !session.Link.IsLinked;

        var text = activity.Text?.Trim() ?? string.Empty;
        if (StartPayload(text) is { } start)
        {
            TranscriptMiddleware.Redact(turn, StartCommand + (start.Length > 0 ? " ***" : string.Empty));
            if (start.Length == 0)
                await WelcomeAsync(turn, session, cancellationToken);
            else
                await LinkByTokenAsync(turn, session, start, cancellationToken);
            return true;
        }
        if (session.Link.IsLinked)
            return await IsOwnCodeAgainAsync(turn, session, text, cancellationToken);

        var understanding = await recognizer.RecognizeAsync(text, RecognitionContext.At(clock, Options.DefaultTimeZoneInfo, session.Language), cancellationToken);
        LanguageSwitch.Apply(session.Link, understanding, text, Options);
        if (AccessCodeCandidate.Find(text, understanding.Intent) is { } code)
        {
            TranscriptMiddleware.Redact(turn, "***");
            await LinkByCodeAsync(turn, session, code, cancellationToken);
            return true;
        }
        await AnswerUnlinkedAsync(turn, text, understanding, cancellationToken);
        return true;
    }

    /// <summary>Before binding: answer in the writer's language, asking for the code; nothing about any debtor.</summary>
    private async Task AnswerUnlinkedAsync(ITurnContext turn, string text, MessageUnderstanding understanding, CancellationToken cancellationToken)
    {
        var (_, command) = Interruptions.Read(text, wording.Catalogue);
        var key = command == GlobalCommand.Help ? "help"
            : understanding.Intent == Intent.StopContact ? "stop_unlinked"
            : understanding.Intent == Intent.Greeting ? "welcome"
            : "ask_code";
        await wording.SayAsync(turn, Linking, key, null, cancellationToken);
    }

    private async Task OnJoinAsync(ITurnContext turn, TurnSession session, JsonElement? value, CancellationToken cancellationToken)
    {
        string? token = null;
        if (value is { ValueKind: JsonValueKind.Object } payload)
        {
            if (!session.Link.IsLinked && payload.TryGetProperty("locale", out var locale) && locale.ValueKind == JsonValueKind.String
                && TurnErrorReply.LanguageOf(locale.GetString()) is var language && Debtor.Languages.Contains(language))
                session.Link.Language = language;
            if (payload.TryGetProperty("linkToken", out var t) && t.ValueKind == JsonValueKind.String)
                token = t.GetString();
        }
        if (string.IsNullOrEmpty(token))
            await WelcomeAsync(turn, session, cancellationToken);
        else
            await LinkByTokenAsync(turn, session, token, cancellationToken);
    }

    private async Task WelcomeAsync(ITurnContext turn, TurnSession session, CancellationToken cancellationToken)
    {
        if (session.Debtor is { } debtor)
            await wording.SayWithMenuAsync(turn, Linking, "welcome_back", new { name = debtor.Name, address = wording.Address(turn, debtor) }, cancellationToken);
        else
            await wording.SayAsync(turn, Linking, "welcome", null, cancellationToken);
    }

    private async Task<bool> IsOwnCodeAgainAsync(ITurnContext turn, TurnSession session, string text, CancellationToken cancellationToken)
    {
        // Only the bound debtor's own code is recognised here: checking other codes would be a guessing oracle without a limit.
        if (session.Debtor is not { } debtor || DebtorSecrets.NormalizeAccessCode(text) != debtor.AccessCode)
            return false;
        TranscriptMiddleware.Redact(turn, "***");
        await WelcomeAsync(turn, session, cancellationToken);
        return true;
    }

    private static string? StartPayload(string text)
    {
        if (!text.StartsWith(StartCommand, StringComparison.OrdinalIgnoreCase))
            return null;
        var rest = text[StartCommand.Length..];
        if (rest.StartsWith('@'))
            rest = rest.Contains(' ', StringComparison.Ordinal) ? rest[rest.IndexOf(' ', StringComparison.Ordinal)..] : string.Empty;
        return rest.Length == 0 || char.IsWhiteSpace(rest[0]) ? rest.Trim() : null;
    }

    private string LocalTime(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, Options.DefaultTimeZoneInfo).ToString("HH:mm", CultureInfo.InvariantCulture);
}

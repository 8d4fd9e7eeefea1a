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
public sealed class ConversationLinker(
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

    private async Task LinkByTokenAsync(ITurnContext turn, TurnSession session, string token, CancellationToken cancellationToken)
    {
        var keys = new AttemptKeys(LinkTokens, ClientOrigin.Of(turn));
        if (await InCooldownAsync(turn, session, keys, cancellationToken))
            return;
        var debtor = DebtorSecrets.IsLinkTokenShaped(token) ? await debtors.FindByLinkTokenAsync(token, cancellationToken) : null;
        if (debtor is null)
        {
            await FailAsync(turn, session, "token_unknown", keys, cancellationToken);
            return;
        }
        guard.Succeed(keys);
        await BindAsync(turn, session, debtor, cancellationToken);
    }

    private async Task LinkByCodeAsync(ITurnContext turn, TurnSession session, string code, CancellationToken cancellationToken)
    {
        // Counted per client (across conversations and channels), per code tried and for everyone.
        var keys = new AttemptKeys(AccessCodes, ClientOrigin.Of(turn), code);
        if (await InCooldownAsync(turn, session, keys, cancellationToken))
            return;
        var debtor = await debtors.FindByAccessCodeAsync(code, cancellationToken);
        if (debtor is null)
        {
            await FailAsync(turn, session, "code_wrong", keys, cancellationToken);
            return;
        }
        guard.Succeed(keys);
        await BindAsync(turn, session, debtor, cancellationToken);
    }

    private AttemptKind AccessCodes => new("access code", Options.MaxCodeAttempts, Options.CodeCooldown);

    // Link tokens share the access codes' budget: both prove who the debtor is.
    private AttemptKind LinkTokens => AccessCodes;

    /// <summary>True (and the cool-down said) when this conversation or the guard refuses to check a code now.</summary>
    private async Task<bool> InCooldownAsync(ITurnContext turn, TurnSession session, AttemptKeys keys, CancellationToken cancellationToken)
    {
        var link = session.Link;
        var now = clock.GetUtcNow();
        if (link.CodeCooldownUntil is { } until && until <= now)
            link.CodeCooldownUntil = null;
        var verdict = await guard.CheckAsync(keys, cancellationToken);
        if (link.CodeCooldownUntil is { } own && !(verdict.RefusedUntil >= own))
            verdict = new AttemptVerdict(own, Options.CodeCooldown, 0);
        if (!verdict.IsRefused)
            return false;
        await SayCooldownAsync(turn, verdict, cancellationToken);
        return true;
    }

    /// <summary>A wrong code or unknown token: one attempt less for this client; the last one starts the back-off.</summary>
    private async Task FailAsync(ITurnContext turn, TurnSession session, string key, AttemptKeys keys, CancellationToken cancellationToken)
    {
        var link = session.Link;
        link.FailedCodeAttempts++;
        var verdict = await guard.FailAsync(keys, cancellationToken);
        if (verdict.IsRefused)
        {
            link.FailedCodeAttempts = 0;
            link.CodeCooldownUntil = verdict.RefusedUntil;
            logger.LogWarning("Conversation {Key}: too many wrong access codes or link tokens; no code is checked until {Until:O}",
                link.Key, link.CodeCooldownUntil);
            await SayCooldownAsync(turn, verdict, cancellationToken);
            return;
        }
        var model = key == "code_wrong" ? new { attempts_left = verdict.AttemptsLeft } : null;
        await wording.SayAsync(turn, Linking, key, model, cancellationToken);
    }

    private Task SayCooldownAsync(ITurnContext turn, AttemptVerdict verdict, CancellationToken cancellationToken) =>
        wording.SayAsync(turn, Linking, "cooldown",
            new { until_time = LocalTime(verdict.RefusedUntil!.Value), minutes = (int)Math.Ceiling(verdict.Backoff.TotalMinutes) }, cancellationToken);

    /// <summary>Binds the conversation (one conversation, one debtor), records the channel address and greets with a summary.</summary>
    private async Task BindAsync(ITurnContext turn, TurnSession session, Debtor debtor, CancellationToken cancellationToken)
    {
        var link = session.Link;
        if (link.DebtorId is { } bound && bound != debtor.Id)
        {
            logger.LogWarning("Conversation {Key} is bound to another debtor; a second debtor's credentials were refused.", link.Key);
            await wording.SayAsync(turn, Linking, "other_debtor", null, cancellationToken);
            return;
        }
        if (link.IsLinked)
        {
            await WelcomeAsync(turn, session, cancellationToken);
            return;
        }

        var now = clock.GetUtcNow();
        var channel = link.Channel;
        var address = ChannelAddress.Of(turn.Activity);
        var previous = ChannelKind.IsKnown(channel) ? debtor.Contact(channel) : null;
        var updated = ChannelKind.IsKnown(channel)
            ? await debtors.UpdateAsync(debtor.Id, d => d.Reach(channel, address), cancellationToken)
            : debtor;
        debtor = updated ?? debtor;
        link.LinkTo(debtor.Id, now);
        link.Language = debtor.Language;
        session.Debtor = debtor;
        await cases.UpdateAsync(debtor.Id, c => c.Record(new CaseAction(now, CaseActionKinds.Linked,
            $"Conversation linked on {channel}.", Channel: channel, Actor: "debtor")), cancellationToken);
        logger.LogInformation("Conversation {Key} linked to debtor {DebtorId}", link.Key, debtor.Id);
        await GreetAsync(turn, debtor, cancellationToken);
        if (previous is not null && previous.Address != address && newBindings is not null)
            await newBindings.ReplacedAsync(debtor, channel, previous, link.Key, cancellationToken);
    }

    private async Task GreetAsync(ITurnContext turn, Debtor debtor, CancellationToken cancellationToken)
    {
        var open = (await statements.StatementAsync(turn, debtor, cancellationToken)).Open;
        if (open.Count == 0)
        {
            await wording.SayWithMenuAsync(turn, Linking, "linked_nothing_open", new { name = debtor.Name, address = wording.Address(turn, debtor), business = debtor.Kind == DebtorKind.Business }, cancellationToken);
            return;
        }
        var totals = DebtorStatement.TotalsByCurrency(open).OrderBy(m => m.Currency, StringComparer.Ordinal).ToList();
        await wording.SayWithMenuAsync(turn, Linking, "linked",
            new { name = debtor.Name, address = wording.Address(turn, debtor), business = debtor.Kind == DebtorKind.Business, open_count = open.Count, totals }, cancellationToken);
    }
}

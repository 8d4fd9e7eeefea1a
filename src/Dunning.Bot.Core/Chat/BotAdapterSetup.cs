using Dunning.Bot.Conversations;
using Dunning.Bot.Conversations.Dialogs.Prompts;
using Dunning.Bot.Conversations.State;
using Dunning.Bot.Core.Dialogs;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Messages;
using Microsoft.Extensions.Options;

using Dunning.Bot.Core.Telemetry;

namespace Dunning.Bot.Core.Chat;

/// <summary>
/// What every channel adapter (web chat, Telegram, Teams) applies once before its first turn, so all channels behave
/// alike: the transcript middleware, the neutral error reply from <c>dialogs/common.*.yaml</c> in the conversation's
/// language, and the conversation state reset after a failed turn. Call <see cref="Configure"/> exactly once per adapter.
/// </summary>
public sealed class BotAdapterSetup(
    MessageCatalogue catalogue,
    ConversationState conversationState,
    TranscriptMiddleware transcripts,
    IOptions<ConversationOptions> options)
{
    private static readonly TurnMetricsMiddleware Metrics = new();

    /// <summary>
    /// Adds the turn metrics and the transcript middleware (first, so they see every turn), sets the error reply and the
    /// states to reset.
    /// </summary>
    public BotAdapter Configure(BotAdapter adapter)
    {
        ArgumentNullException.ThrowIfNull(adapter);
        adapter.Use(Metrics);
        adapter.Use(transcripts);
        adapter.ErrorReply = ErrorReply;
        if (!adapter.StatesToResetOnError.Contains(conversationState))
            adapter.StatesToResetOnError.Add(conversationState);
        return adapter;
    }

    /// <summary>common.error in the conversation's language (the turn's locale before the bot knew it).</summary>
    public string? ErrorReply(ITurnContext turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        return catalogue.Render(MainMenu.Dialog, "error", LanguageOf(turn));
    }

    /// <summary>Yes/no labels of a <see cref="ConfirmPrompt"/> from <c>common</c>'s <c>confirm_yes</c>/<c>confirm_no</c> buttons, for every language.</summary>
    public static ConfirmPrompt UseCatalogueLabels(ConfirmPrompt prompt, MessageCatalogue catalogue)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        ArgumentNullException.ThrowIfNull(catalogue);
        foreach (var language in catalogue.Languages)
            prompt.ChoiceLabels[language] = (catalogue.Button(MainMenu.Dialog, "confirm_yes", language), catalogue.Button(MainMenu.Dialog, "confirm_no", language));
        return prompt;
    }

    private string LanguageOf(ITurnContext turn)
    {
        if (TurnSession.TryOf(turn) is { } session)
            return session.Language;
        var fromLocale = TurnErrorReply.LanguageOf(turn.Activity.Locale);
        return Debtor.Languages.Contains(fromLocale) ? fromLocale : options.Value.DefaultLanguage;
    }
}

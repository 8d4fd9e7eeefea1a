using Dunning.Bot.Conversations;
using Dunning.Bot.Conversations.Dialogs;
using Dunning.Bot.Conversations.State;
using Dunning.Bot.Core.Dialogs;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dunning.Bot.Core.Chat;

/// <summary>
/// The bot behind every channel. Each turn it loads (or creates) the <see cref="ConversationLink"/>, refreshes its
/// conversation reference, loads the bound debtor and sets the <see cref="TurnSession"/>; lets the
/// <see cref="ConversationLinker"/> handle linking signals and unbound conversations; stays silent while a person owns
/// the conversation (asking the <see cref="Interruptions"/> layer first); otherwise runs <see cref="MainDialog"/>. At the end it saves the conversation state (eTag) and the
/// link (versioned: a change made meanwhile by the console, such as a takeover, is kept and ours re-applied).
/// </summary>
public sealed class DunningBot(
    IConversationStore conversations,
    IDebtorStore debtors,
    ConversationState conversationState,
    MainDialog mainDialog,
    ConversationLinker linker,
    Interruptions interruptions,
    Wording wording,
    TimeProvider clock,
    IOptions<ConversationOptions> options,
    ILogger<DunningBot> logger) : ActivityHandler
{
    /// <summary>The conversation-state property holding the dialog stack.</summary>
    public const string DialogStateProperty = "DialogState";

    private const int SaveAttempts = 4;

    private readonly IStatePropertyAccessor<DialogState> dialogState = conversationState.CreateProperty<DialogState>(DialogStateProperty);

    public override async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var activity = turnContext.Activity;
        if (string.IsNullOrEmpty(activity.ChannelId) || string.IsNullOrEmpty(activity.Conversation?.Id)
            || activity.Type is not (ActivityTypes.Message or ActivityTypes.Event or ActivityTypes.ConversationUpdate))
            return;
        if (ChannelAddress.IsGroup(activity))
        {
            await RefuseGroupChatAsync(turnContext, cancellationToken);
            return;
        }

        var key = ConversationLink.KeyFor(activity.ChannelId, activity.Conversation.Id);
        var link = await conversations.FindAsync(key, cancellationToken) ?? NewLink(key, activity);
        var before = LinkChanges.Snapshot(link);
        link.Reference = activity.GetConversationReference();
        if (activity.Type != ActivityTypes.ConversationUpdate)
            link.LastInboundAt = clock.GetUtcNow();
        var debtor = link.DebtorId is { } id ? await debtors.FindAsync(id, cancellationToken) : null;
        debtor = await ReviveAddressAsync(debtor, activity, cancellationToken);
        var session = new TurnSession { Link = link, Debtor = debtor };
        TurnSession.Set(turnContext, session);
        // What the bot says carries the conversation's language (the debtor's once bound), not the client's locale
        // echoed back: a German debtor with an English browser gets a German page around German text.
        turnContext.OnSendActivities((_, outgoing, next) =>
        {
            foreach (var reply in outgoing)
                reply.Locale = wording.Catalogue.Locale(session.Language);
            return next();
        });

        if (!await interruptions.HoldWhileTakenOverAsync(turnContext, cancellationToken))
            await base.OnTurnAsync(turnContext, cancellationToken);

        await conversationState.SaveChangesAsync(turnContext, false, cancellationToken);
        await SaveLinkAsync(link, before, cancellationToken);
    }

    protected override async Task OnMessageActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        if (await linker.HandleAsync(turnContext, cancellationToken))
            return;
        await interruptions.ResumeAfterHandBackAsync(turnContext, dialogState, cancellationToken);
        await mainDialog.RunAsync(turnContext, dialogState, cancellationToken);
    }

    protected override async Task OnEventActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        await linker.HandleAsync(turnContext, cancellationToken);

    /// <summary>Teams and others announce a new chat this way; the web chat posts its join event instead.</summary>
    protected override async Task OnMembersAddedAsync(IReadOnlyList<ChannelAccount> membersAdded, ITurnContext turnContext, CancellationToken cancellationToken)
    {
        if (turnContext.Activity.ChannelId == ChannelKind.WebChat || TurnSession.Of(turnContext).Link.IsLinked)
            return;
        await wording.SayAsync(turnContext, "linking", "welcome", null, cancellationToken);
    }

    private async Task RefuseGroupChatAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        if (turn.Activity.Type != ActivityTypes.Message)
            return;
        var key = ConversationLink.KeyFor(turn.Activity.ChannelId!, turn.Activity.Conversation!.Id!);
        TurnSession.Set(turn, new TurnSession { Link = NewLink(key, turn.Activity) });
        await wording.SayAsync(turn, MainMenu.Dialog, "group_chat", null, cancellationToken);
    }

    private ConversationLink NewLink(string key, Activity activity, string? language = null) => new()
    {
        Key = key,
        Channel = activity.ChannelId!,
        Reference = activity.GetConversationReference(),
        Language = language ?? SupportedLanguage(activity.Locale) ?? options.Value.DefaultLanguage,
    };

    /// <summary>Before binding a new chat follows the client's language (a Teams user with <c>en-US</c> is greeted in English).</summary>
    private static string? SupportedLanguage(string? locale) =>
        TurnErrorReply.LanguageOf(locale) is var language && Debtor.Languages.Contains(language) ? language : null;

    /// <summary>
    /// Saves the link. When someone else wrote it meanwhile (the console took over, another turn elsewhere), the stored
    /// link is re-read and only what this turn changed is applied to it — theirs wins where both changed a field.
    /// </summary>
    private async Task SaveLinkAsync(ConversationLink link, LinkChanges before, CancellationToken cancellationToken)
    {
        var mine = link;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await conversations.SaveAsync(link, cancellationToken);
                return;
            }
            catch (ConcurrencyConflictException) when (attempt < SaveAttempts)
            {
                var fresh = await conversations.FindAsync(link.Key, cancellationToken);
                if (fresh is null)
                    return;
                logger.LogInformation("Conversation {Key} changed during the turn; re-applying this turn's changes", link.Key);
                before.ApplyTo(mine, fresh);
                link = fresh;
            }
        }
    }

    /// <summary>
    /// A debtor who writes again from an address marked dead (the bot was blocked, then unblocked; the app reinstalled)
    /// can be reached there again: the address is revived, so reminders and staff messages use it once more.
    /// </summary>
    private async Task<Debtor?> ReviveAddressAsync(Debtor? debtor, Activity activity, CancellationToken cancellationToken)
    {
        if (debtor is null || activity.Type != ActivityTypes.Message || activity.ChannelId is not { } channel
            || debtor.Contact(channel) is not { DeadSince: not null } contact || contact.Address != ChannelAddress.Of(activity))
            return debtor;
        logger.LogInformation("Debtor {DebtorId} wrote again on {Channel}: the address marked dead is used again", debtor.Id, channel);
        return await debtors.UpdateAsync(debtor.Id, d => d.Reach(channel, contact.Address), cancellationToken) ?? debtor;
    }
}

using Dunning.Bot.Conversations;
using Dunning.Bot.Core.Chat;
using Dunning.Bot.Core.Dialogs;
using Dunning.Bot.Core.Domain;

namespace Dunning.Bot.Core.Tests.Dialogs;

/// <summary>
/// What the bot does at the start of every turn before a case dialog runs: the TurnSession with this conversation's
/// link, bound to <paramref name="debtor"/> at <paramref name="linkedAt"/> and speaking <paramref name="language"/>.
/// </summary>
internal sealed class LinkedSessionMiddleware(Debtor debtor, string language, DateTimeOffset linkedAt) : IMiddleware
{
    public Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken)
    {
        var reference = turnContext.Activity.GetConversationReference();
        var link = new ConversationLink
        {
            Key = ConversationLink.KeyFor(reference.ChannelId!, reference.Conversation!.Id!),
            Channel = reference.ChannelId!,
            Reference = reference,
            Language = language,
        };
        link.LinkTo(debtor.Id, linkedAt);
        TurnSession.Set(turnContext, new TurnSession { Link = link, Debtor = debtor });
        return next(cancellationToken);
    }
}

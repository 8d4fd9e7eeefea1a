using Dunning.Bot.Conversations.State;
using Microsoft.Extensions.Logging;

namespace Dunning.Bot.Conversations;

public abstract partial class BotAdapter
{
    private async Task DefaultOnTurnErrorAsync(ITurnContext turnContext, Exception exception, CancellationToken cancellationToken)
    {
        Logger.LogError(exception, "Turn failed in conversation {ChannelId}/{ConversationId} ({ActivityType})",
            turnContext.Activity.ChannelId, turnContext.Activity.Conversation?.Id, turnContext.Activity.Type);

        // Each recovery step is independent: a failing reply must not keep the state from being reset.
        try
        {
            var text = ErrorReply(turnContext);
            if (!string.IsNullOrEmpty(text))
                await turnContext.SendActivityAsync(text, cancellationToken);
        }
        catch (Exception sendError) when (sendError is not OperationCanceledException)
        {
            Logger.LogWarning(sendError, "Could not send the error reply to {ConversationId}", turnContext.Activity.Conversation?.Id);
        }

        if (exception is StorageConflictException)
            return;
        foreach (var state in StatesToResetOnError)
        {
            try
            {
                await state.DeleteAsync(turnContext, cancellationToken);
            }
            catch (Exception resetError) when (resetError is not OperationCanceledException)
            {
                Logger.LogWarning(resetError, "Could not reset state of {ConversationId}", turnContext.Activity.Conversation?.Id);
            }
        }
    }
}

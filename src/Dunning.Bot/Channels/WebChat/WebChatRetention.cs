using Dunning.Bot.Privacy;
using Microsoft.Extensions.Options;

namespace Dunning.Bot.Channels.WebChat;

/// <summary>
/// What the web chat keeps, and for how long. A conversation never bound to a debtor is removed
/// <see cref="WebChatOptions.UnboundConversationTtl"/> after it started — its activity log, bot state, link and
/// transcript — under the conversation's lock, so a turn binding it right now is never cut short (and a bound one
/// stays). Conversations idle for a token's lifetime leave memory (their sequence is read back from the database when
/// needed), and expired validated tokens are forgotten.
/// </summary>
public sealed partial class WebChatRetention(
    IWebChatStore store,
    WebChatAdapter adapter,
    IConversationPurge purge,
    DirectLineTokens tokens,
    IOptions<WebChatOptions> options,
    TimeProvider clock,
    ILogger<WebChatRetention> logger)
{
    private const int BatchSize = 500;

    /// <summary>One sweep; returns how many conversations expired.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var expired = 0;
        var kept = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            var batch = (await store.ListStartedBeforeAsync(now - options.Value.UnboundConversationTtl, BatchSize + kept.Count, cancellationToken))
                .Where(id => !kept.Contains(id)).ToList();
            if (batch.Count == 0)
                break;
            foreach (var conversationId in batch)
            {
                if (await ExpireAsync(conversationId, cancellationToken))
                    expired++;
                else
                    kept.Add(conversationId);
            }
        }
        var evicted = store.EvictIdle(now - options.Value.TokenLifetime);
        tokens.ForgetExpired(now);
        if (expired > 0 || evicted > 0)
            LogSwept(expired, evicted);
        return expired;
    }

    /// <summary>Removes an unbound conversation; false (and nothing changed) when it is bound to a debtor.</summary>
    private async Task<bool> ExpireAsync(string conversationId, CancellationToken cancellationToken)
    {
        var removed = false;
        await adapter.Locks.RunAsync(Conversations.BotAdapter.ConversationKey(WebChatAdapter.Channel, conversationId), conversationId, async (id, ct) =>
        {
            if (!await purge.PurgeUnboundAsync(WebChatAdapter.Channel, id, ct))
                return;
            await store.DeleteConversationAsync(id, ct);
            removed = true;
        }, cancellationToken);
        return removed;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Web chat retention: {Expired} unbound conversations expired, {Evicted} idle ones left memory")]
    private partial void LogSwept(int expired, int evicted);
}

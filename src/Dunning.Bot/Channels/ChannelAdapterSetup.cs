using Dunning.Bot.Conversations;
using Dunning.Bot.Core.Chat;
using Dunning.Bot.Core.Dialogs;

namespace Dunning.Bot.Channels;

/// <summary>Gives every channel adapter the same turn setup: transcript, error reply in the debtor's language, state reset.</summary>
internal static class ChannelAdapterSetup
{
    /// <summary>Applies <see cref="BotAdapterSetup"/> when the bot is registered (hosts without it keep the engine defaults).</summary>
    public static T WithBotSetup<T>(this T adapter, IServiceProvider services)
        where T : BotAdapter
    {
        // PostgreSQL only: the turn's transaction, outermost so every other middleware writes inside it.
        if (services.GetService<Storage.PostgreSql.PostgreSqlTurnMiddleware>() is { } turnTransaction)
            adapter.Use(turnTransaction);
        services.GetService<BotAdapterSetup>()?.Configure(adapter);
        return adapter;
    }
}

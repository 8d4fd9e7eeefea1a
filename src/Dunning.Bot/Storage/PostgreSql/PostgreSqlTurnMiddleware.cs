using Dunning.Bot.Conversations;

namespace Dunning.Bot.Storage.PostgreSql;

/// <summary>
/// With PostgreSQL, one transaction per turn on every channel: the outermost middleware begins the turn's
/// <see cref="PostgreSqlUnitOfWork"/>, the joining stores (bot state, conversation link, transcript) write in it, and it
/// commits when the turn's pipeline completed; a turn that throws writes none of it (the adapter's error handling then
/// runs outside it, as with LiteDB). A turn started inside another (a proactive message sent during a turn) joins the
/// outer unit. With LiteDB this middleware is not registered: the adapters begin the LiteDB unit of work themselves.
/// </summary>
public sealed class PostgreSqlTurnMiddleware(PostgreSqlDatabase database) : Conversations.IMiddleware
{
    private readonly PostgreSqlDatabase database = database ?? throw new ArgumentNullException(nameof(database));

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(next);
        if (database.UnitOfWork is not null)
        {
            await next(cancellationToken).ConfigureAwait(false);
            return;
        }
        await using var unit = database.BeginUnitOfWork();
        await next(cancellationToken).ConfigureAwait(false);
        await unit.CommitAsync(cancellationToken).ConfigureAwait(false);
    }
}

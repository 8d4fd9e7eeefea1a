using Dunning.Bot.Conversations;
using Microsoft.Extensions.Options;

namespace Dunning.Bot.Storage.PostgreSql;

/// <summary>
/// With PostgreSQL, one transaction per turn on every channel: the outermost middleware begins the turn's
/// <see cref="PostgreSqlUnitOfWork"/>, the joining stores (bot state, conversation link, transcript) write in it, and it
/// commits when the turn's pipeline completed; a turn that throws writes none of it (the adapter's error handling then
/// runs outside it, as with LiteDB). A turn started inside another (a proactive message sent during a turn) joins the
/// outer unit. With LiteDB this middleware is not registered: the adapters begin the LiteDB unit of work themselves.
/// </summary>
/// <remarks>
/// Several hosts: the transaction begins with the conversation's advisory lock (<see cref="PostgreSqlTurnLock"/>), so two
/// turns of one conversation that arrive on two hosts at once run one after the other — the second reads what the first
/// committed — while turns of other conversations never wait. The adapter's in-process lock still orders the turns of
/// one host, so each host has at most one turn per conversation waiting here.
/// </remarks>
public sealed class PostgreSqlTurnMiddleware(PostgreSqlDatabase database, IOptions<PostgreSqlHostsOptions> options) : Conversations.IMiddleware
{
    private readonly PostgreSqlDatabase database = database ?? throw new ArgumentNullException(nameof(database));
    private readonly TimeSpan lockTimeout = (options ?? throw new ArgumentNullException(nameof(options))).Value.TurnLockTimeout;

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(next);
        if (database.UnitOfWork is { } outer)
        {
            await LockAsync(outer, turnContext.Activity, cancellationToken).ConfigureAwait(false);
            await next(cancellationToken).ConfigureAwait(false);
            return;
        }
        await using var unit = database.BeginUnitOfWork();
        await LockAsync(unit, turnContext.Activity, cancellationToken).ConfigureAwait(false);
        await next(cancellationToken).ConfigureAwait(false);
        await unit.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private Task LockAsync(PostgreSqlUnitOfWork unit, Activity activity, CancellationToken cancellationToken) =>
        activity is { ChannelId: { Length: > 0 } channel, Conversation.Id: { Length: > 0 } conversation }
            ? unit.LockConversationAsync(channel, conversation, lockTimeout, cancellationToken)
            : Task.CompletedTask;
}

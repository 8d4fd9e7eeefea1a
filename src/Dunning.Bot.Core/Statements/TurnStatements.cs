using Dunning.Bot.Conversations;
using Dunning.Bot.Core.Domain;

namespace Dunning.Bot.Core.Statements;

/// <summary>
/// One statement per turn: every dialog that shows a figure in a turn reads the same <see cref="DebtorStatement"/>,
/// computed at the first use, so a greeting, a balance and an offer in one turn cannot disagree.
/// </summary>
public static class TurnStatements
{
    private const string TurnStateKey = "Dunning.Statement";

    /// <summary>The statement of <paramref name="debtor"/> for this turn (computed once, then reused).</summary>
    public static async Task<DebtorStatement> StatementAsync(this InvoiceStatements statements, ITurnContext turn, Debtor debtor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(statements);
        ArgumentNullException.ThrowIfNull(turn);
        if (turn.TurnState.Get<StatementOfTurn>(TurnStateKey) is { } read && ReferenceEquals(read.Debtor, debtor))
            return read.Statement;
        var statement = await statements.ForDebtorAsync(debtor, cancellationToken);
        turn.TurnState.Set(TurnStateKey, new StatementOfTurn(debtor, statement));
        return statement;
    }

    /// <summary>Forgets this turn's statement after a write that changed the figures (a payment or write-off booked in the turn).</summary>
    public static void Forget(ITurnContext turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        turn.TurnState.Set<StatementOfTurn?>(TurnStateKey, null);
    }

    private sealed record StatementOfTurn(Debtor Debtor, DebtorStatement Statement);
}

using Dunning.Bot.Core.Domain;

namespace Dunning.Bot.Core.Policies;

/// <summary>Statutory interest up to and including <see cref="Through"/>: the total and its periods (which add up to it exactly).</summary>
public sealed record InterestCalculation(Money Total, DateOnly? DefaultSince, DateOnly Through, IReadOnlyList<InterestPeriod> Periods)
{
    public static InterestCalculation None(string currency, DateOnly through) => new(Money.Zero(currency), null, through, []);
}

using Dunning.Bot.Core.Domain;

namespace Dunning.Bot.Core.Policies;

/// <summary>
/// A stretch of days with one principal and one rate. <see cref="From"/> and <see cref="To"/> are both included;
/// <see cref="Interest"/> is rounded to the minor unit (the total is the sum of the periods' rounded amounts).
/// </summary>
public sealed record InterestPeriod(DateOnly From, DateOnly To, int Days, decimal Principal, decimal BaseRatePercent, decimal RatePercent, Money Interest);

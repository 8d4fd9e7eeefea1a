namespace Dunning.Bot.Core.Domain;

/// <summary>One scheduled payment of an agreement; a deferral has exactly one.</summary>
public sealed record Instalment(DateOnly DueDate, decimal Amount)
{
    public DateOnly? PaidOn { get; init; }
}

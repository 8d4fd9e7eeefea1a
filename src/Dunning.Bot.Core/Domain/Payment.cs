namespace Dunning.Bot.Core.Domain;

/// <summary>A payment received for an invoice; <see cref="Reference"/> is the bank reference or the owner's id.</summary>
public sealed record Payment(DateOnly Date, decimal Amount, string? Reference);

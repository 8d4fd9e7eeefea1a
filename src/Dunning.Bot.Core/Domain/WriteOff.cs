namespace Dunning.Bot.Core.Domain;

/// <summary>
/// Part of a claim the owner gave up ("Forderungsverzicht"), with the reason and who decided it; <see cref="Date"/> is the
/// day it takes effect. An automatic waiver of a small residue (<c>Dunning:WaiveBelow</c>) is recorded the same way.
/// </summary>
public sealed record WriteOff(DateOnly Date, decimal Amount, string Reason, string By);

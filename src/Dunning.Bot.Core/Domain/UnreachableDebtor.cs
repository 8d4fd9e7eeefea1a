namespace Dunning.Bot.Core.Domain;

/// <summary>
/// A debtor the schedule cannot remind on any channel: every address it has is <paramref name="Dead"/> (bounced, blocked)
/// or <paramref name="OptedOut"/> (channel ids); both empty means there is no address at all. <paramref name="Since"/> is
/// when the owner was first told (the dead-channel escalation).
/// </summary>
public sealed record UnreachableDebtor(string DebtorId, string Name, IReadOnlyList<string> Dead, IReadOnlyList<string> OptedOut, DateTimeOffset Since);

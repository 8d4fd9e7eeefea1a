namespace Dunning.Bot.Core.Domain;

/// <summary>
/// Where a debtor can be reached on one channel. <see cref="Address"/> is channel-specific
/// (a Telegram chat id, a Teams user id, a web chat conversation id). An opted-out address gets
/// no proactive message; a dead one (bot blocked, app removed) gets nothing until it is renewed.
/// </summary>
public sealed class ContactAddress
{
    public required string Channel { get; init; }

    public required string Address { get; init; }

    public DateTimeOffset? OptedOutAt { get; set; }

    public DateTimeOffset? DeadSince { get; set; }

    public string? DeadReason { get; set; }

    public bool CanReceiveProactive => OptedOutAt is null && DeadSince is null;
}

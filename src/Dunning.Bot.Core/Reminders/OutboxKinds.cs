namespace Dunning.Bot.Core.Reminders;

/// <summary>What a proactive message is; reminders are re-rendered from fresh invoice data right before sending.</summary>
public static class OutboxKinds
{
    public const string Reminder = "reminder";
    public const string FollowUp = "follow_up";
}

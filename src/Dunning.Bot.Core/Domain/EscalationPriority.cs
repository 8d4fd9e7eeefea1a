namespace Dunning.Bot.Core.Domain;

public enum EscalationPriority
{
    Low,
    Normal,
    High,
    Urgent,
}

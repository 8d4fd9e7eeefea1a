namespace Dunning.Bot.Core.Domain;

public enum EscalationState
{
    Open,
    InProgress,
    Resolved,
}

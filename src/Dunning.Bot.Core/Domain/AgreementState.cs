namespace Dunning.Bot.Core.Domain;

public enum AgreementState
{
    Proposed,
    AwaitingApproval,
    Agreed,
    Rejected,
    Kept,
    Broken,
}

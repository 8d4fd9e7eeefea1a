namespace Dunning.Bot.Core.Domain;

public enum AgreementKind
{
    Deferral,
    InstalmentPlan,
    Discount,
}

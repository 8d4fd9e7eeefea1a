namespace Dunning.Bot.Core.Domain;

/// <summary>Consumers and businesses differ in default interest (§288 BGB) and dunning fees.</summary>
public enum DebtorKind
{
    Consumer,
    Business,
}

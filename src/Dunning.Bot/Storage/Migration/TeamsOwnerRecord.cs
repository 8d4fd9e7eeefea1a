namespace Dunning.Bot.Storage.Migration;

/// <summary>
/// The owner's Teams alert chat (<see cref="ChannelStateKeys.TeamsOwner"/>) as the Teams store keeps it: the conversation
/// reference in the Bot Framework JSON the connector speaks.
/// </summary>
internal sealed record TeamsOwnerRecord(string Reference, string Language, DateTimeOffset BoundAt);

namespace Dunning.Bot.Storage.Migration;

/// <summary>
/// An inbound Teams activity already processed (id: its delivery key, a hash of channel, conversation and activity id)
/// with the HTTP status its first delivery got: copied, so the Bot Connector's retry of it after the move runs no second turn.
/// </summary>
internal sealed record TeamsDeliveryRecord(int Status, DateTimeOffset At);

using Dunning.Bot.Conversations;

namespace Dunning.Bot.Channels.Teams;

/// <summary>The owner's Teams chat for escalation alerts.</summary>
public sealed record OwnerBinding(ConversationReference Reference, string Language, DateTimeOffset BoundAt);

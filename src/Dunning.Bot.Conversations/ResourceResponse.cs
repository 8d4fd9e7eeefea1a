namespace Dunning.Bot.Conversations;

/// <summary>The channel's answer to a sent activity: the id it assigned (may be null on channels that assign none).</summary>
public sealed record ResourceResponse(string? Id);

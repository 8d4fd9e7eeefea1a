namespace Dunning.Bot.Core.Domain;

/// <summary>Whether a transcript entry came from the debtor or was sent to them (by the bot or a person).</summary>
public enum TranscriptDirection
{
    Inbound,
    Outbound,
}

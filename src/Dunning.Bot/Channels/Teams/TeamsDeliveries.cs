using System.Security.Cryptography;
using System.Text;

namespace Dunning.Bot.Channels.Teams;

/// <summary>
/// How a processed inbound activity is remembered (<see cref="ITeamsStore.RecordDeliveryAsync"/>), so that the connector's
/// retry of a delivery runs no second turn: by the SHA-256 (hex) of its channel, conversation and activity id — one short
/// key however long the ids are.
/// </summary>
public static class TeamsDeliveries
{
    /// <summary>The key of an activity; null for one without an id (nothing to recognise it by: it runs every time).</summary>
    public static string? Key(string? channelId, string? conversationId, string? activityId) =>
        string.IsNullOrEmpty(activityId)
            ? null
            : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Concat(channelId, "\n", conversationId, "\n", activityId))));
}

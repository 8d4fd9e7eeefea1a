using System.Text.Json;
using Dunning.Bot.Conversations;
using Dunning.Bot.Core.Dialogs;

namespace Dunning.Bot.Core.Chat;

/// <summary>
/// What this bot adds to an outgoing activity for its own chat page, under <c>channelData.dunning</c>: the payment card
/// (<c>payment</c>), who from the team wrote (<c>sender</c>), a join/leave notice (<c>notice</c>). Every other client reads
/// the activity's text, which always says the same; channels that forward channel data (Teams) drop it.
/// </summary>
public static class OwnChannelData
{
    public const string Property = "dunning";

    /// <summary>True when <paramref name="activity"/> carries this bot's own channel data.</summary>
    public static bool IsOn(Activity? activity) =>
        activity?.ChannelData is { ValueKind: JsonValueKind.Object } data && data.TryGetProperty(Property, out _);
}

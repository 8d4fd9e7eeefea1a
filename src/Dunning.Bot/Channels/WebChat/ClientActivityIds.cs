using System.Text.Json;
using Dunning.Bot.Conversations;

namespace Dunning.Bot.Channels.WebChat;

/// <summary>
/// The id a Direct Line client gives an activity it posts — <c>channelData.clientActivityID</c> as Microsoft's Web Chat and
/// directlinejs send it, else the activity's own <c>id</c> — by which a retried POST is recognised and not run again. It is
/// text of 1 to <see cref="MaxLength"/> characters; a POST without one runs every time.
/// </summary>
internal static class ClientActivityIds
{
    public const int MaxLength = 128;

    private const string Property = "clientActivityID";

    /// <summary>The client's id of <paramref name="activity"/>, or null when it has none (or one <see cref="Check"/> refuses).</summary>
    public static string? Of(Activity activity) => Read(activity, out var id) ? id : null;

    /// <summary>A 400 for a client id that is not text of 1 to <see cref="MaxLength"/> characters; null when it is fine or absent.</summary>
    public static IResult? Check(Activity activity) => Read(activity, out _)
        ? null
        : DirectLineResults.BadRequest("Invalid client activity id",
            $"channelData.{Property} and id must be text of 1 to {MaxLength} characters.");

    private static bool Read(Activity activity, out string? id)
    {
        id = activity.Id;
        if (activity.ChannelData is { ValueKind: JsonValueKind.Object } data && data.TryGetProperty(Property, out var value)
            && value.ValueKind != JsonValueKind.Null)
            id = value.ValueKind == JsonValueKind.String ? value.GetString() : "";
        return id is null or { Length: > 0 and <= MaxLength };
    }
}

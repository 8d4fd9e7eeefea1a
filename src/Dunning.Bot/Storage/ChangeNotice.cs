using System.Buffers;

namespace Dunning.Bot.Storage;

/// <summary>
/// What a subscriber of <see cref="IChangeNotifications"/> hears: <see cref="Id"/> changed under <see cref="Topic"/>;
/// <see cref="FromThisHost"/> when this host published it. A notice without an id (<see cref="IsMissed"/>) says notices may
/// have been lost — the host's connection to the others was re-established — so re-read everything shown.
/// </summary>
public sealed record ChangeNotice(string Topic, string? Id, bool FromThisHost)
{
    /// <summary>The longest id a notice carries (PostgreSQL's notification payload holds less than 8000 bytes).</summary>
    public const int MaxIdLength = 1000;

    private static readonly SearchValues<char> TopicCharacters = SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789.-_");

    /// <summary>True when notices of <see cref="Topic"/> may have been missed: re-read all of it.</summary>
    public bool IsMissed => Id is null;

    /// <summary>"Changes may have been missed" for <paramref name="topic"/>.</summary>
    public static ChangeNotice Missed(string topic) => new(topic, null, FromThisHost: false);

    /// <summary>
    /// Refuses what no notice may carry: a topic that is not 1–64 of <c>a–z 0–9 . - _</c>, an id that is null, longer than
    /// <see cref="MaxIdLength"/> or holds a control character.
    /// </summary>
    public static void Check(string topic, string id)
    {
        ArgumentNullException.ThrowIfNull(topic);
        ArgumentNullException.ThrowIfNull(id);
        if (topic.Length is 0 or > 64 || topic.AsSpan().ContainsAnyExcept(TopicCharacters))
            throw new ArgumentException($"A change topic is 1 to 64 of a-z, 0-9, '.', '-' and '_'; '{topic}' is not.", nameof(topic));
        if (id.Length > MaxIdLength || id.Any(char.IsControl))
            throw new ArgumentException($"A change id is at most {MaxIdLength} characters without control characters.", nameof(id));
    }
}

namespace Dunning.Bot.Core.Understanding;

/// <summary>
/// Where a host keeps trained intent models between starts, by key (the key names the exact training data and the
/// exact build of Core, so a changed example or a new build never reads an old model). Core hands the bytes over as
/// streams and never touches files itself. A cache that fails is ignored: the model is then simply trained.
/// </summary>
public interface IIntentModelCache
{
    /// <summary>The stored model of <paramref name="key"/>, or null when there is none. The caller disposes the stream.</summary>
    Stream? OpenRead(string key);

    /// <summary>Stores the model of <paramref name="key"/>; <paramref name="write"/> writes its bytes.</summary>
    void Save(string key, Action<Stream> write);
}

using Dunning.Bot.Core.Understanding;

namespace Dunning.Bot.Hosting;

/// <summary>
/// Keeps trained intent models as files (<c>&lt;key&gt;.model</c>) in one folder; <see cref="UnderstandingOptions.ModelCacheDirectory"/>,
/// or a folder in the system's temporary directory. Writes go to a temporary file first and are moved into place, so a
/// reader never sees half a model; a folder that cannot be written only means the next start trains again.
/// </summary>
public sealed class FileIntentModelCache(string directory) : IIntentModelCache
{
    /// <summary>The cache for the configured folder, or the default one below the temporary directory.</summary>
    public static FileIntentModelCache For(UnderstandingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new FileIntentModelCache(string.IsNullOrWhiteSpace(options.ModelCacheDirectory)
            ? Path.Combine(Path.GetTempPath(), "dunning-bot-models")
            : options.ModelCacheDirectory);
    }

    public Stream? OpenRead(string key)
    {
        var path = PathOf(key);
        return File.Exists(path) ? File.OpenRead(path) : null;
    }

    public void Save(string key, Action<Stream> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        Directory.CreateDirectory(directory);
        var path = PathOf(key);
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            using (var stream = File.Create(temporary))
                write(stream);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
                File.Delete(temporary);
        }
    }

    private string PathOf(string key)
    {
        if (key.Length is 0 or > 128 || !key.All(char.IsAsciiLetterOrDigit))
            throw new ArgumentException("A model key is letters and digits only.", nameof(key));
        return Path.Combine(directory, key + ".model");
    }
}

using Dunning.Bot.Core.Messages;
using Dunning.Bot.Core.Understanding;

namespace Dunning.Bot.Hosting;

/// <summary>
/// Reads the dialogs folder for Core (which reads no files): the wording (<c>&lt;dialog&gt;.&lt;lang&gt;.yaml</c>) and the
/// understanding data (<c>understanding.&lt;lang&gt;.yaml</c> and <c>training/*.tsv</c>).
/// </summary>
public static class DialogsFolder
{
    /// <summary><paramref name="path"/> itself when rooted, else below the application folder (where <c>dialogs/</c> ships).</summary>
    public static string FromAppFolder(string path) => Path.IsPathRooted(path) ? path : Path.Combine(AppContext.BaseDirectory, path);

    /// <summary>
    /// Every <c>*.yaml</c> directly in <paramref name="directory"/> as a <see cref="MessageCatalogue"/>. Never throws for
    /// bad content or a missing folder: problems are collected and returned by <see cref="MessageCatalogue.Validate"/>.
    /// </summary>
    public static MessageCatalogue Catalogue(string directory, MessageCatalogueOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        if (!Directory.Exists(directory))
            return MessageCatalogue.FolderMissing(directory, options);
        var files = Directory.EnumerateFiles(directory)
            .Where(p => p.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || p.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .Select(p => new KeyValuePair<string, string>(Path.GetFileName(p), File.ReadAllText(p)));
        return MessageCatalogue.FromTexts(files, options);
    }

    /// <summary>
    /// <c>understanding.de.yaml</c> and <c>understanding.en.yaml</c> from <paramref name="directory"/>, and every
    /// <c>training/*.tsv</c> below it to train the statistical intent model.
    /// </summary>
    /// <param name="directory">The dialogs folder.</param>
    /// <param name="cache">Where a trained model may be kept between starts; null trains at every load.</param>
    /// <exception cref="UnderstandingDataException">A file is missing, unreadable or invalid.</exception>
    public static UnderstandingData Understanding(string directory, IIntentModelCache? cache = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        var sources = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var language in UnderstandingData.Languages)
        {
            var path = Path.Combine(directory, $"understanding.{language}.yaml");
            if (!File.Exists(path))
                throw new UnderstandingDataException($"Understanding data file not found: {path}");
            sources[path] = File.ReadAllText(path);
        }
        var training = new Dictionary<string, string>(StringComparer.Ordinal);
        var folder = Path.Combine(directory, UnderstandingData.TrainingFolder);
        if (Directory.Exists(folder))
        {
            foreach (var path in Directory.GetFiles(folder, "*.tsv").Order(StringComparer.Ordinal))
                training[path] = File.ReadAllText(path);
        }
        return UnderstandingData.Parse(sources, training, cache);
    }
}

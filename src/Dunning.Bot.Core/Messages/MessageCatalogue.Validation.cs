namespace Dunning.Bot.Core.Messages;

public sealed partial class MessageCatalogue
{
    /// <summary>
    /// Every problem found while loading: YAML syntax, file names, schema, templates that do not parse,
    /// unknown variables and filters, empty variants, and keys or files missing in a language. Empty when
    /// the dialogs folder is sound. Each problem names the file, the key and (when known) the line.
    /// </summary>
    public IReadOnlyList<CatalogueProblem> Validate() => _problems;

    /// <summary>Throws <see cref="CatalogueInvalidException"/> listing all problems, if there are any.</summary>
    public MessageCatalogue EnsureValid() => _problems.Count == 0 ? this : throw new CatalogueInvalidException(_problems);

    /// <summary>
    /// Every dialog must exist in every language (the required ones plus any language a file is written in),
    /// with the same message and button keys, and each message must declare the same variables everywhere:
    /// the dialog code passes one model whatever the language.
    /// </summary>
    private static void CheckLanguages(List<DialogFile> files, MessageCatalogueOptions options, List<CatalogueProblem> problems)
    {
        var languages = options.EffectiveRequiredLanguages.Select(l => l.ToLowerInvariant())
            .Concat(files.Select(f => f.Language)).Distinct().Order(StringComparer.Ordinal).ToArray();
        foreach (var dialog in files.GroupBy(f => f.Dialog))
        {
            var byLanguage = dialog.ToDictionary(f => f.Language);
            foreach (var language in languages.Where(l => !byLanguage.ContainsKey(l)))
            {
                var other = dialog.First();
                problems.Add(new($"{dialog.Key}.{language}.yaml", null, null,
                    $"missing: {other.FileName} exists, so the dialog needs a '{language}' file too."));
            }

            var readable = dialog.Where(f => !f.Unreadable).ToList();
            CheckKeys(readable, "messages", f => f.Messages.ToDictionary(m => m.Key, m => m.Value.Line), problems);
            CheckKeys(readable, "buttons", f => f.Buttons.ToDictionary(b => b.Key, b => b.Value.Line), problems);
            if (readable.Count > 1)
                CheckVariables(readable, problems);
        }
    }

    private static void CheckKeys(
        List<DialogFile> files, string section, Func<DialogFile, Dictionary<string, int>> keysOf, List<CatalogueProblem> problems)
    {
        var keys = files.ToDictionary(f => f, keysOf);
        foreach (var file in keys.Keys)
        {
            foreach (var (other, theirs) in keys.Where(k => k.Key != file))
            {
                foreach (var (key, line) in theirs.Where(k => !file.Mentioned.Contains($"{section}.{k.Key}")))
                {
                    // One report per missing key and file, naming the first file that has it.
                    if (keys.Keys.TakeWhile(f => f != other).Any(f => f != file && keys[f].ContainsKey(key)))
                        continue;
                    problems.Add(new(file.FileName, $"{section}.{key}", null,
                        $"missing in this language; {other.FileName}:{line} has it."));
                }
            }
        }
    }

    private static void CheckVariables(List<DialogFile> files, List<CatalogueProblem> problems)
    {
        var reference = files[0];
        foreach (var file in files.Skip(1))
        {
            foreach (var (key, entry) in file.Messages)
            {
                if (!reference.Messages.TryGetValue(key, out var expected))
                    continue;
                var mine = entry.Declared.Order(StringComparer.Ordinal).ToArray();
                var theirs = expected.Declared.Order(StringComparer.Ordinal).ToArray();
                if (!mine.SequenceEqual(theirs, StringComparer.Ordinal))
                {
                    problems.Add(new(file.FileName, $"messages.{key}", entry.Line,
                        $"declares variables [{string.Join(", ", mine)}] but {reference.FileName} declares [{string.Join(", ", theirs)}]; "
                        + "every language receives the same model, so declare the same names."));
                }
            }
        }
    }
}

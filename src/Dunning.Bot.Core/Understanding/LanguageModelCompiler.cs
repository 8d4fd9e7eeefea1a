using System.Collections.Frozen;
using System.Globalization;

namespace Dunning.Bot.Core.Understanding;

/// <summary>Validates an <see cref="UnderstandingFile"/> and compiles it into a <see cref="LanguageModel"/>.</summary>
internal sealed partial class LanguageModelCompiler
{
    private static readonly FrozenSet<string> Anchors = FrozenSet.Create(StringComparer.Ordinal,
        "today", "tomorrow", "day_after_tomorrow", "yesterday", "day_before_yesterday",
        "week_end", "next_week", "month_end", "next_month", "next_month_end", "year_end");

    private static readonly FrozenSet<string> UnitKinds = FrozenSet.Create(StringComparer.Ordinal, "day", "week", "month", "year");
    private static readonly FrozenSet<string> PartKinds = FrozenSet.Create(StringComparer.Ordinal, "start", "middle", "end");

    private readonly string name;
    private readonly string code;
    private readonly List<string> errors = [];
    private readonly HashSet<string> vocabulary = new(StringComparer.Ordinal);

    private LanguageModelCompiler(string name, string code)
    {
        this.name = name;
        this.code = code;
    }

    public static LanguageModel Compile(string name, UnderstandingFile file)
    {
        if (!UnderstandingData.Languages.Contains(file.Language))
            throw new UnderstandingDataException($"{name}: language: '{file.Language}' is not one of {string.Join(", ", UnderstandingData.Languages)}");
        var compiler = new LanguageModelCompiler(name, file.Language);
        var model = compiler.Build(file);
        if (compiler.errors.Count > 0)
            throw new UnderstandingDataException($"{name}: {compiler.errors.Count} problem(s):{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", compiler.errors));
        return model;
    }

    private LanguageModel Build(UnderstandingFile file)
    {
        var negations = Words("negations", file.Negations);
        var intents = new PhraseIndex();
        foreach (var (intentName, section) in file.Intents)
        {
            if (!IntentNames.TryParse(intentName, out var intent) || intent == Intent.Unknown)
            {
                errors.Add($"intents.{intentName}: unknown intent (known: {string.Join(", ", IntentNames.All.Where(n => n != "unknown"))})");
                continue;
            }
            if (section is null || section.Phrases.Count == 0)
            {
                errors.Add($"intents.{intentName}: needs at least one phrase");
                continue;
            }
            if (section.Weight is <= 0 or > 10 || double.IsNaN(section.Weight))
                errors.Add($"intents.{intentName}.weight: must be > 0 and ≤ 10, was {section.Weight}");
            for (var i = 0; i < section.Phrases.Count; i++)
            {
                if (Phrase($"intents.{intentName}.phrases[{i}]", section.Phrases[i], section.Weight, intentName) is { } pattern)
                {
                    pattern.HasNegation = pattern.Literals.Any(negations.Contains);
                    intents.Add(pattern);
                }
            }
        }
        var precise = new PhraseIndex();
        foreach (var (intentName, phrases) in file.Precise)
        {
            if (!IntentNames.TryParse(intentName, out var intent) || intent == Intent.Unknown)
            {
                errors.Add($"precise.{intentName}: unknown intent");
                continue;
            }
            foreach (var pattern in PhrasesOf($"precise.{intentName}", phrases ?? [], intentName))
            {
                pattern.HasNegation = pattern.Literals.Any(negations.Contains);
                precise.Add(pattern);
            }
        }
        foreach (var intent in Enum.GetValues<Intent>().Where(i => i != Intent.Unknown))
        {
            if (!file.Intents.ContainsKey(intent.ToWireName()))
                errors.Add($"intents: missing intent '{intent.ToWireName()}'");
        }
        var numbers = new NumberWords(
            KeyedInts("numbers.words", file.Numbers.Words, 0, 1_000_000),
            KeyedInts("numbers.multipliers", file.Numbers.Multipliers, 10, 1_000_000),
            Words("numbers.joiners", file.Numbers.Joiners),
            Words("numbers.not_money", file.Numbers.NotMoney));
        var currencies = Keyed("currencies", file.Currencies, (word, iso) => CurrencyCode(word, iso));
        var replacements = Keyed("replacements", file.Replacements,
            (_, value) => value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(KeyOf).ToArray());
        foreach (var replacement in replacements.Values)
            vocabulary.UnionWith(replacement);
        var stopwords = Words("stopwords", file.Stopwords);
        var past = Phrases("past_markers", file.PastMarkers);
        var future = Phrases("future_markers", file.FutureMarkers);
        var permission = Phrases("permission", file.Permission);
        var injection = Phrases("injection", file.Injection);
        var dates = Dates(file.Dates);
        var units = Words("instalments.units", file.Instalments.Units);
        var half = Words("instalments.half", file.Instalments.Half);
        var rest = Words("instalments.rest", file.Instalments.Rest);
        var now = Words("instalments.now", file.Instalments.Now);
        var invoiceKeywords = Words("invoice_keywords", file.InvoiceKeywords);
        var frozen = vocabulary.ToFrozenSet(StringComparer.Ordinal);
        return new LanguageModel
        {
            Code = code,
            Stopwords = stopwords,
            Contractions = file.Contractions.ToFrozenDictionary(
                p => p.Key.Trim().ToLowerInvariant(), p => p.Value.Trim().ToLowerInvariant(), StringComparer.Ordinal),
            Replacements = replacements,
            Negations = negations,
            PastMarkers = past,
            FutureMarkers = future,
            Permission = permission,
            Injection = injection,
            InjectionMarkers = file.InjectionMarkers.Where(m => !string.IsNullOrWhiteSpace(m)).Select(m => m.ToLowerInvariant()).ToArray(),
            Intents = intents,
            Precise = precise,
            Dates = dates,
            Numbers = numbers,
            Currencies = currencies,
            InstalmentUnits = units,
            HalfWords = half,
            RestWords = rest,
            NowWords = now,
            InvoiceKeywords = invoiceKeywords,
            Vocabulary = frozen,
            Typos = new TypoIndex(frozen),
        };
    }

    private string KeyOf(string word)
    {
        var folded = Folding.Fold(word.Trim().ToLowerInvariant(), keepHyphens: false);
        return code == "de" ? Folding.GermanKey(folded) : folded;
    }

    private string CurrencyCode(string word, string iso)
    {
        if (iso is not { Length: 3 } || !iso.All(char.IsAsciiLetterUpper))
            errors.Add($"currencies.{word}: '{iso}' is not an ISO 4217 code (three capital letters)");
        return iso;
    }

    private FrozenSet<string> Words(string path, List<string> words)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < words.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(words[i]) || words[i].Trim().Contains(' ', StringComparison.Ordinal))
            {
                errors.Add($"{path}[{i}]: must be one word, was '{words[i]}'");
                continue;
            }
            keys.Add(KeyOf(words[i]));
        }
        vocabulary.UnionWith(keys);
        return keys.ToFrozenSet(StringComparer.Ordinal);
    }

    private FrozenDictionary<string, int> KeyedInts(string path, Dictionary<string, int> values, int min, int max)
    {
        foreach (var (word, value) in values.Where(p => p.Value < min || p.Value > max))
            errors.Add($"{path}.{word}: {value} is outside {min}..{max}");
        vocabulary.UnionWith(values.Keys.Select(KeyOf));
        return Keyed(path, values, (_, value) => value);
    }

    /// <summary>A table keyed by matching keys; two spellings of one key must agree ("konnten" and "könnten" are one word).</summary>
    private FrozenDictionary<string, TValue> Keyed<TSource, TValue>(string path, Dictionary<string, TSource> values, Func<string, TSource, TValue> map)
    {
        var result = new Dictionary<string, (string Word, TSource Source, TValue Value)>(StringComparer.Ordinal);
        foreach (var (word, source) in values)
        {
            var key = KeyOf(word);
            if (key.Length == 0)
            {
                errors.Add($"{path}: empty key");
                continue;
            }
            if (result.TryGetValue(key, out var existing))
            {
                if (!Equals(existing.Source, source))
                    errors.Add($"{path}.{word}: means the same word as '{existing.Word}' but has a different value");
                continue;
            }
            result[key] = (word, source, map(word, source));
            vocabulary.Add(key);
        }
        return result.ToFrozenDictionary(p => p.Key, p => p.Value.Value, StringComparer.Ordinal);
    }

    private PhraseIndex Phrases(string path, List<string> phrases, string payload = "")
    {
        var index = new PhraseIndex();
        foreach (var pattern in PhrasesOf(path, phrases, payload))
            index.Add(pattern);
        return index;
    }

    private IEnumerable<PhrasePattern> PhrasesOf(string path, List<string> phrases, string payload)
    {
        for (var i = 0; i < phrases.Count; i++)
        {
            if (Phrase($"{path}[{i}]", phrases[i], 1, payload) is { } pattern)
                yield return pattern;
        }
    }

    private PhrasePattern? Phrase(string path, string? text, double weight, string payload)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add($"{path}: empty phrase");
            return null;
        }
        var parts = text.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (parts.Count > 1 && parts[^1].StartsWith('^'))
        {
            if (!double.TryParse(parts[^1][1..], NumberStyles.Float, CultureInfo.InvariantCulture, out var factor) || factor is <= 0 or > 10)
            {
                errors.Add($"{path}: '{parts[^1]}' is not a weight like ^2");
                return null;
            }
            weight *= factor;
            parts.RemoveAt(parts.Count - 1);
        }
        var words = new List<PatternWord>(parts.Count);
        foreach (var part in parts)
        {
            if (part is "..." or "…")
            {
                if (words.Count == 0 || words[^1].Kind == PatternWordKind.Gap)
                {
                    errors.Add($"{path}: '...' must stand between two words in '{text}'");
                    return null;
                }
                words.Add(new PatternWord("", PatternWordKind.Gap));
                continue;
            }
            var prefix = part.EndsWith('*');
            var suffix = part.StartsWith('*') && part.Length > 1;
            var core = part.Trim('*');
            if (core.Length == 0)
            {
                errors.Add($"{path}: '*' needs letters in '{text}'");
                return null;
            }
            // Emoji and symbols stay as written; words are keyed like message words.
            var key = core.Any(char.IsLetterOrDigit) ? KeyOf(core) : core;
            var kind = (prefix, suffix) switch
            {
                (true, true) => PatternWordKind.Contains,
                (true, false) => PatternWordKind.Prefix,
                (false, true) => PatternWordKind.Suffix,
                _ => PatternWordKind.Literal,
            };
            if (kind == PatternWordKind.Literal)
                vocabulary.Add(key);
            words.Add(new PatternWord(key, kind));
        }
        if (words[^1].Kind == PatternWordKind.Gap)
        {
            errors.Add($"{path}: '...' must stand between two words in '{text}'");
            return null;
        }
        // Longer phrases are more specific: each extra word adds a quarter of the weight.
        var specificity = 1 + 0.25 * (words.Count(w => w.Kind != PatternWordKind.Gap) - 1);
        return new PhrasePattern(text, [.. words], weight * specificity, payload);
    }
}

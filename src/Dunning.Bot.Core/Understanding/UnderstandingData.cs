using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Dunning.Bot.Core.Understanding;

/// <summary>
/// The phrase and keyword data of every supported language, loaded from
/// <c>dialogs/understanding.&lt;lang&gt;.yaml</c> and validated: an owner can add a regional word
/// without recompiling, and a mistake fails at start-up with a message naming file and key.
/// Immutable and thread-safe once loaded.
/// </summary>
public sealed class UnderstandingData
{
    /// <summary>The languages the bot understands; each needs its data file.</summary>
    public static readonly IReadOnlyList<string> Languages = ["de", "en"];

    private static readonly IDeserializer Yaml = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .Build();

    /// <summary>The folder below the dialogs folder that holds the statistical model's training files.</summary>
    public const string TrainingFolder = "training";

    private readonly Dictionary<string, LanguageModel> models;

    private UnderstandingData(Dictionary<string, LanguageModel> models, IntentClassifier? classifier)
    {
        this.models = models;
        Classifier = classifier;
    }

    /// <summary>How many labelled examples the statistical intent model was trained on; 0 when it has none (rules only).</summary>
    public int TrainingExamples => Classifier?.Examples ?? 0;

    internal LanguageModel this[string language] => models[language];

    /// <summary>The statistical intent model, or null when no training data was given.</summary>
    internal IntentClassifier? Classifier { get; }

    /// <summary>Parses data files given as (name, YAML text); every language must appear exactly once. No statistical model.</summary>
    /// <exception cref="UnderstandingDataException">A file is invalid or a language is missing.</exception>
    public static UnderstandingData Parse(IReadOnlyDictionary<string, string> sources) =>
        Parse(sources, new Dictionary<string, string>());

    /// <summary>
    /// Parses data files given as (name, YAML text) and trains the statistical intent model from training files given
    /// as (name, TSV text); without training files only the rules run.
    /// </summary>
    /// <param name="sources">The data files: name and YAML text.</param>
    /// <param name="training">The training files: name and TSV text.</param>
    /// <param name="cache">Where a trained model may be kept between starts; null trains at every parse (once per process).</param>
    /// <exception cref="UnderstandingDataException">A file is invalid or a language is missing.</exception>
    public static UnderstandingData Parse(IReadOnlyDictionary<string, string> sources, IReadOnlyDictionary<string, string> training, IIntentModelCache? cache = null)
    {
        ArgumentNullException.ThrowIfNull(training);
        ArgumentNullException.ThrowIfNull(sources);
        var models = new Dictionary<string, LanguageModel>(StringComparer.Ordinal);
        foreach (var (name, text) in sources)
        {
            UnderstandingFile? file;
            try
            {
                file = Yaml.Deserialize<UnderstandingFile>(text);
            }
            catch (YamlException e)
            {
                throw new UnderstandingDataException($"{name}: invalid YAML at line {e.Start.Line}, column {e.Start.Column}: {e.InnerException?.Message ?? e.Message}", e);
            }
            if (file is null)
                throw new UnderstandingDataException($"{name}: the file is empty");
            var model = LanguageModelCompiler.Compile(name, file);
            if (!models.TryAdd(model.Code, model))
                throw new UnderstandingDataException($"{name}: language '{model.Code}' is defined twice");
        }
        var missing = Languages.Where(l => !models.ContainsKey(l)).ToList();
        if (missing.Count > 0)
            throw new UnderstandingDataException($"Understanding data is missing for: {string.Join(", ", missing)}");
        var examples = training.OrderBy(t => t.Key, StringComparer.Ordinal)
            .SelectMany(t => IntentExample.ParseTsv(t.Key, t.Value)).ToList();
        return new UnderstandingData(models, examples.Count == 0 ? null : TrainedModels.For(examples, cache));
    }
}

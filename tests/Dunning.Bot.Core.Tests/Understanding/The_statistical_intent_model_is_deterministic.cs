using Dunning.Bot.Hosting;
using Dunning.Bot.Core.Understanding;

namespace Dunning.Bot.Core.Tests.Understanding;

/// <summary>The statistical intent model: trained from the data files, deterministic, and its training data checked.</summary>
public sealed class The_statistical_intent_model_is_deterministic
{
    private static IReadOnlyList<IntentExample> Examples() => Directory
        .GetFiles(Path.Combine(RepositoryFiles.DialogsDirectory, UnderstandingData.TrainingFolder), "*.tsv")
        .Order(StringComparer.Ordinal)
        .SelectMany(f => IntentExample.ParseTsv(f, File.ReadAllText(f)))
        .ToList();

    [Fact]
    public void The_training_data_has_at_least_150_examples_per_intent_and_language()
    {
        foreach (var language in UnderstandingData.Languages)
        {
            var file = Path.Combine(RepositoryFiles.DialogsDirectory, UnderstandingData.TrainingFolder, $"intents.{language}.tsv");
            var examples = IntentExample.ParseTsv(file, File.ReadAllText(file));
            foreach (var intent in Enum.GetValues<Intent>())
                Assert.True(examples.Count(e => e.Intent == intent) >= 150, $"{language}: too few examples of {intent.ToWireName()}");
        }
    }

    [Fact]
    public void The_same_examples_always_train_the_same_model()
    {
        var examples = Examples();
        var first = IntentClassifierTrainer.Train(examples);
        var second = IntentClassifierTrainer.Train(examples.ToList());
        Span<double> a = stackalloc double[IntentClassifier.Classes];
        Span<double> b = stackalloc double[IntentClassifier.Classes];
        foreach (var text in new[] { "Ich hab letzte Woche überwiesen", "can I pay half now and the rest in January?", "🙏", "" })
        {
            first.Probabilities(text, a);
            second.Probabilities(text, b);
            Assert.True(a.SequenceEqual(b), $"different probabilities for '{text}'");
        }
    }

    [Fact]
    public void The_model_is_trained_when_the_data_is_loaded_and_reads_phrasing_no_rule_names()
    {
        var data = DialogsFolder.Understanding(RepositoryFiles.DialogsDirectory);
        var recognizer = new OfflineRecognizer(data);

        Assert.True(data.TrainingExamples >= 20 * 150 * 2, $"{data.TrainingExamples} examples");
        var context = new RecognitionContext(TestData.Today, TestData.Berlin, "de");
        Assert.Equal(Intent.Unknown, new RuleBasedRecognizer(data).Recognize("Hab das Geld vorgestern rübergeschickt", context).Intent);
        Assert.Equal(Intent.ClaimPaid, recognizer.Recognize("Hab das Geld vorgestern rübergeschickt", context).Intent);
    }

    [Fact]
    public void Without_training_files_only_the_rules_run()
    {
        var sources = UnderstandingData.Languages.ToDictionary(
            l => l, l => File.ReadAllText(Path.Combine(RepositoryFiles.DialogsDirectory, $"understanding.{l}.yaml")));
        var data = UnderstandingData.Parse(sources);
        var context = new RecognitionContext(TestData.Today, TestData.Berlin, "de");

        Assert.Equal(0, data.TrainingExamples);
        foreach (var text in new[] { "Ich habe schon bezahlt", "Hab das Geld vorgestern rübergeschickt", "Kann ich in 3 Raten zahlen?" })
        {
            var rules = new RuleBasedRecognizer(data).Recognize(text, context);
            var offline = new OfflineRecognizer(data).Recognize(text, context);
            Assert.Equal((rules.Intent, rules.Confidence, rules.Date, rules.Amount, rules.Instalments), (offline.Intent, offline.Confidence, offline.Date, offline.Amount, offline.Instalments));
        }
    }

    [Theory]
    [InlineData("claim_paid", "line 1: expected 'intent<TAB>message'")]
    [InlineData("paid_maybe\tIch habe bezahlt", "line 1: unknown intent 'paid_maybe'")]
    [InlineData("# comment\n\nthanks\t   ", "line 3: the message is empty")]
    public void A_bad_training_line_is_reported_with_file_and_line(string tsv, string problem)
    {
        var error = Assert.Throws<UnderstandingDataException>(() => IntentExample.ParseTsv("intents.de.tsv", tsv));

        Assert.Contains("intents.de.tsv", error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Comments_blank_lines_and_windows_line_ends_are_fine()
    {
        var examples = IntentExample.ParseTsv("x.tsv", "# intent<TAB>text\r\n\r\nthanks\tDanke!\r\ngreeting\tHallo\r\n");

        Assert.Equal([new IntentExample(Intent.Thanks, "Danke!"), new IntentExample(Intent.Greeting, "Hallo")], examples);
    }

    [Fact]
    public void Hostile_text_never_breaks_the_model()
    {
        var model = IntentClassifierTrainer.Train([new IntentExample(Intent.Thanks, "danke"), new IntentExample(Intent.Greeting, "hallo")]);
        Span<double> p = stackalloc double[IntentClassifier.Classes];
        foreach (var text in new[] { new string('a', 100_000), "\0\u0001\u202e", string.Concat(Enumerable.Repeat("😀 ", 5_000)), "n't n't n't", "1.2.3.4.5,6,7" })
        {
            model.Probabilities(text, p);
            Assert.InRange(p.ToArray().Sum(), 0.999, 1.001);
        }
    }

    [Fact]
    public void A_kept_model_reads_back_exactly_and_garbage_is_refused()
    {
        var model = IntentClassifierTrainer.Train(Examples());
        using var stream = new MemoryStream();
        IntentModelFile.Write(model, stream);
        stream.Position = 0;
        var read = IntentModelFile.Read(stream)!;
        Span<double> a = stackalloc double[IntentClassifier.Classes];
        Span<double> b = stackalloc double[IntentClassifier.Classes];
        model.Probabilities("Kann ich die Hälfte jetzt zahlen?", a);
        read.Probabilities("Kann ich die Hälfte jetzt zahlen?", b);

        Assert.True(a.SequenceEqual(b));
        Assert.Equal(model.Examples, read.Examples);
        Assert.Null(IntentModelFile.Read(new MemoryStream([1, 2, 3])));
        Assert.Null(IntentModelFile.Read(new MemoryStream(stream.ToArray()[..^5])));
    }

    [Fact]
    public void A_model_kept_by_the_host_is_read_instead_of_trained_again()
    {
        // Examples no other test trains, so the process-wide memo does not answer first.
        var unique = Guid.NewGuid().ToString("N");
        var tsv = $"thanks\tdanke {unique}\ngreeting\thallo {unique}\n";
        var sources = UnderstandingData.Languages.ToDictionary(
            l => l, l => File.ReadAllText(Path.Combine(RepositoryFiles.DialogsDirectory, $"understanding.{l}.yaml")));
        var cache = new MemoryCache();

        var first = UnderstandingData.Parse(sources, new Dictionary<string, string> { ["a.tsv"] = tsv }, cache);
        var kept = IntentClassifierTrainer.Train([new IntentExample(Intent.Thanks, "a"), new IntentExample(Intent.Thanks, "b"), new IntentExample(Intent.Greeting, "c")]);
        using var bytes = new MemoryStream();
        IntentModelFile.Write(kept, bytes);
        var later = new MemoryCache { Fixed = bytes.ToArray() };
        var second = UnderstandingData.Parse(sources, new Dictionary<string, string> { ["a.tsv"] = tsv + $"thanks\tmerci {unique}\n" }, later);

        Assert.Equal((1, 2), (cache.Saves, first.TrainingExamples));
        Assert.Equal((0, 3), (later.Saves, second.TrainingExamples)); // the kept model (3 examples) was read, nothing trained
    }

    private sealed class MemoryCache : IIntentModelCache
    {
        public Dictionary<string, byte[]> Models { get; } = [];

        public int Saves { get; private set; }

        /// <summary>When set, the answer to every key (a model kept by an earlier run).</summary>
        public byte[]? Fixed { get; init; }

        public Stream? OpenRead(string key) => Fixed is { } kept ? new MemoryStream(kept)
            : Models.TryGetValue(key, out var bytes) ? new MemoryStream(bytes) : null;

        public void Save(string key, Action<Stream> write)
        {
            using var stream = new MemoryStream();
            write(stream);
            Models[key] = stream.ToArray();
            Saves++;
        }
    }
}

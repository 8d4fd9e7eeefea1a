using Dunning.Bot.Hosting;
using Dunning.Bot.Core.Understanding;

namespace Dunning.Bot.Core.Tests.Understanding;

/// <summary>The loader accepts the shipped files and rejects broken ones with a message naming file and key.</summary>
public sealed class The_understanding_data_loads_or_names_the_problem
{
    private static string Real(string language) =>
        File.ReadAllText(Path.Combine(RepositoryFiles.DialogsDirectory, $"understanding.{language}.yaml"));

    private static UnderstandingDataException Broken(string englishYaml) =>
        Assert.Throws<UnderstandingDataException>(() => UnderstandingData.Parse(new Dictionary<string, string>
        {
            ["understanding.de.yaml"] = Real("de"),
            ["understanding.en.yaml"] = englishYaml,
        }));

    [Fact]
    public void The_shipped_files_load() =>
        Assert.NotNull(DialogsFolder.Understanding(RepositoryFiles.DialogsDirectory));

    [Fact]
    public void An_unknown_intent_is_named_with_the_file()
    {
        var e = Broken(Real("en").Replace("intents:\n", "intents:\n  pay_with_bitcoin:\n    phrases: [bitcoin]\n", StringComparison.Ordinal));

        Assert.StartsWith("understanding.en.yaml:", e.Message, StringComparison.Ordinal);
        Assert.Contains("intents.pay_with_bitcoin: unknown intent", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_misspelled_intent_name_is_reported_with_the_known_names()
    {
        var e = Broken(Real("en").Replace("  ask_amount:", "  ask_amout:", StringComparison.Ordinal));

        Assert.Contains("intents.ask_amout: unknown intent", e.Message, StringComparison.Ordinal);
        Assert.Contains("missing intent 'ask_amount'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_weight_a_bad_currency_and_a_dangling_gap_are_all_reported()
    {
        var yaml = Real("en")
            .Replace("  greeting:\n    weight: 1\n", "  greeting:\n    weight: -3\n", StringComparison.Ordinal)
            .Replace("\"€\": EUR", "\"€\": euro", StringComparison.Ordinal)
            .Replace("phrases: [hello,", "phrases: [hello ..., ", StringComparison.Ordinal);

        var e = Broken(yaml);

        Assert.Contains("intents.greeting.weight", e.Message, StringComparison.Ordinal);
        Assert.Contains("not an ISO 4217 code", e.Message, StringComparison.Ordinal);
        Assert.Contains("'...' must stand between two words", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_yaml_reports_the_line()
    {
        var e = Broken("language: en\nintents: [unclosed\n");

        Assert.Contains("invalid YAML at line", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_spellings_of_one_word_with_different_values_are_rejected()
    {
        var e = Broken(Real("en").Replace("  thx: thanks\n", "  thx: thanks\n  THX: no\n", StringComparison.Ordinal));

        Assert.Contains("means the same word", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_language_or_file_is_reported()
    {
        var missing = Assert.Throws<UnderstandingDataException>(() => UnderstandingData.Parse(new Dictionary<string, string> { ["de"] = Real("de") }));
        var noFile = Assert.Throws<UnderstandingDataException>(() => DialogsFolder.Understanding(Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"))));

        Assert.Contains("missing for: en", missing.Message, StringComparison.Ordinal);
        Assert.Contains("not found", noFile.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_owner_added_word_is_understood_without_recompiling()
    {
        var yaml = Real("de").Replace("phrases: [hallo,", "phrases: [habedere, hallo,", StringComparison.Ordinal);
        var data = UnderstandingData.Parse(new Dictionary<string, string> { ["de"] = yaml, ["en"] = Real("en") });

        var result = new RuleBasedRecognizer(data).Recognize("Habedere", new RecognitionContext(TestData.Today, TestData.Berlin, "de"));

        Assert.Equal(Intent.Greeting, result.Intent);
        Assert.Equal(Intent.Unknown, TestData.Recognize("Habedere").Intent);
    }
}

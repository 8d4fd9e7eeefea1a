using Dunning.Bot.Hosting;
using Dunning.Bot.Core.Messages;

namespace Dunning.Bot.Core.Tests.Messages;

public sealed class Validating_the_dialogs_folder : IDisposable
{
    private const string Good = """
        messages:
          hello: "Hello"
        buttons:
          ok: "OK"
        """;

    private readonly DialogFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    /// <summary>Writes the file under test as English and a sound German twin with the given keys.</summary>
    private IReadOnlyList<CatalogueProblem> ProblemsOf(string english, string? german = null) =>
        _folder.With("test.en.yaml", english).With("test.de.yaml", german ?? english).Load().Validate();

    private static CatalogueProblem Single(IReadOnlyList<CatalogueProblem> problems) =>
        Assert.Single(problems, p => p.File == "test.en.yaml");

    [Fact]
    public void A_sound_folder_has_no_problems() => Assert.Empty(ProblemsOf(Good));

    [Fact]
    public void A_yaml_syntax_error_names_file_and_line()
    {
        var problem = Single(ProblemsOf("messages:\n  hello: \"Hello\n  bye: \"Bye\"\n", Good));
        Assert.Null(problem.Key);
        Assert.NotNull(problem.Line);
        Assert.StartsWith("YAML syntax error", problem.Message, StringComparison.Ordinal);
        Assert.StartsWith($"test.en.yaml:{problem.Line}: YAML syntax error", problem.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_duplicate_key_is_a_yaml_error_with_its_line()
    {
        var problem = Single(ProblemsOf("messages:\n  hello: \"Hello\"\n  hello: \"Hi\"\nbuttons:\n  ok: OK\n", Good));
        Assert.Equal(3, problem.Line);
        Assert.Contains("Duplicate key", problem.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_template_that_does_not_parse_names_file_key_and_line()
    {
        var problem = Single(ProblemsOf("messages:\n  hello:\n    - \"Hi\"\n    - \"Hello {{ name \"\nbuttons:\n  ok: OK\n"));
        Assert.Equal("messages.hello", problem.Key);
        Assert.Equal(4, problem.Line);
        Assert.Contains("variant 2 does not parse as Liquid", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unclosed_tag_does_not_parse() =>
        Assert.Contains("does not parse", Single(ProblemsOf("messages:\n  hello: \"{% if x %}Hi\"\nbuttons:\n  ok: OK\n")).Message, StringComparison.Ordinal);

    [Fact]
    public void A_variable_declared_for_another_key_is_unknown_here()
    {
        const string yaml = """
            variables: [debtor]
            messages:
              balance:
                vars: [balance]
                text: "{{ debtor.name }}: {{ balance | money }}"
              hello: "Hello {{ debtor.name }}, you owe {{ balance | money }}."
            buttons:
              ok: OK
            """;
        var problem = Single(ProblemsOf(yaml));
        Assert.Equal("messages.hello", problem.Key);
        Assert.Equal(6, problem.Line);
        Assert.Contains("unknown variable 'balance' (declared: debtor)", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_declarations_no_variable_is_allowed()
    {
        var problem = Single(ProblemsOf("messages:\n  hello: \"Hi {% if vip %}dear {% endif %}friend\"\nbuttons:\n  ok: OK\n"));
        Assert.Contains("unknown variable 'vip' (none are declared)", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Variables_a_template_defines_itself_are_not_unknown()
    {
        const string yaml = """
            messages:
              plan:
                vars: [instalments]
                text: |
                  {% assign count = instalments | size %}{% capture intro %}{{ count }} parts{% endcapture %}{{ intro }}:
                  {% for i in instalments %}{{ forloop.index }}. {{ i.amount | money }} on {{ i.due_date | date }}
                  {% endfor %}
            buttons:
              ok: OK
            """;
        Assert.Empty(ProblemsOf(yaml));
    }

    [Fact]
    public void A_variable_used_only_inside_a_filter_argument_or_condition_is_checked()
    {
        var yaml = "messages:\n  a: \"{{ 5 | money: currency }}\"\n  b: \"{% if paid > 0 %}x{% endif %}\"\nbuttons:\n  ok: OK\n";
        var problems = ProblemsOf(yaml).Where(p => p.File == "test.en.yaml").ToList();
        Assert.Contains(problems, p => p.Key == "messages.a" && p.Message.Contains("'currency'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Key == "messages.b" && p.Message.Contains("'paid'", StringComparison.Ordinal));
    }

    [Fact]
    public void An_unknown_filter_is_reported()
    {
        var problem = Single(ProblemsOf("variables: [x]\nmessages:\n  hello: \"{{ x | mony }}\"\nbuttons:\n  ok: OK\n"));
        Assert.Equal("messages.hello", problem.Key);
        Assert.Equal(3, problem.Line);
        Assert.Equal("unknown filter 'mony'.", problem.Message);
    }

    [Theory]
    [InlineData("messages:\n  hello: []\nbuttons:\n  ok: OK\n", "empty list of variants")]
    [InlineData("messages:\n  hello: \"  \"\nbuttons:\n  ok: OK\n", "text is empty")]
    [InlineData("messages:\n  hello:\nbuttons:\n  ok: OK\n", "text is empty")]
    [InlineData("messages:\n  hello:\n    - \"Hi\"\n    - \"\"\nbuttons:\n  ok: OK\n", "variant 2 is empty")]
    [InlineData("messages:\n  hello:\n    vars: [x]\nbuttons:\n  ok: OK\n", "has no 'text:'")]
    [InlineData("messages:\n  hello: Hi\nbuttons:\n  ok: \"\"\n", "button label is empty")]
    public void Empty_texts_and_labels_are_reported(string yaml, string expected)
    {
        var problem = Single(ProblemsOf(yaml, "messages:\n  hello: Hi\nbuttons:\n  ok: OK\n"));
        Assert.Contains(expected, problem.Message, StringComparison.Ordinal);
        Assert.NotNull(problem.Line);
    }

    [Theory]
    [InlineData("mesages:\n  hello: Hi\n", "unknown top-level entry 'mesages'")]
    [InlineData("messages:\n  - Hi\n", "must be a mapping")]
    [InlineData("messages:\n  Hello World: Hi\n", "not a valid key")]
    [InlineData("variables: debtor\nmessages:\n  hello: Hi\n", "must be a list of variable names")]
    [InlineData("variables: [Debtor.Name]\nmessages:\n  hello: Hi\n", "is not a variable name")]
    [InlineData("messages:\n  hello:\n    text: Hi\n    var: [x]\n", "unknown entry 'var'")]
    [InlineData("messages:\n  hello:\n    - [nested]\n", "must be a plain string")]
    [InlineData("buttons:\n  ok: [a, b]\n", "must be a plain string")]
    [InlineData("just text\n", "is empty or not a mapping")]
    [InlineData("", "is empty or not a mapping")]
    [InlineData("messages:\n  hello: Hi\n---\nmessages:\n  bye: Bye\n", "more than one YAML document")]
    public void A_file_not_in_the_documented_shape_is_reported(string yaml, string expected)
    {
        var problems = _folder.With("test.en.yaml", yaml).Load(new MessageCatalogueOptions { RequiredLanguages = ["en"] }).Validate();
        Assert.Contains(problems, p => p.File == "test.en.yaml" && p.Message.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void A_key_missing_in_one_language_names_the_file_that_has_it()
    {
        var problems = ProblemsOf("messages:\n  hello: Hi\n  bye: Bye\nbuttons:\n  ok: OK\n  no: No\n", Good);
        Assert.Equal(2, problems.Count);
        Assert.Contains(problems, p => p.ToString() == "test.de.yaml: 'messages.bye': missing in this language; test.en.yaml:3 has it.");
        Assert.Contains(problems, p => p.ToString() == "test.de.yaml: 'buttons.no': missing in this language; test.en.yaml:6 has it.");
    }

    [Fact]
    public void A_dialog_without_a_file_in_a_required_language_is_reported()
    {
        var problem = Assert.Single(_folder.With("linking.en.yaml", Good).Load().Validate());
        Assert.Equal("linking.de.yaml", problem.File);
        Assert.Contains("linking.en.yaml exists", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_in_an_extra_language_must_be_complete_too()
    {
        _folder.With("fr.fr.yaml", "messages:\n  hello: Salut\n");
        var problems = ProblemsOf(Good);
        Assert.Contains(problems, p => p is { File: "test.fr.yaml" } && p.Message.Contains("'fr' file", StringComparison.Ordinal));
        Assert.Contains(problems, p => p is { File: "fr.de.yaml" });
    }

    [Fact]
    public void Languages_that_declare_different_variables_for_a_key_are_reported()
    {
        var problem = Assert.Single(ProblemsOf(
            "messages:\n  hello:\n    vars: [name]\n    text: Hi {{ name }}\n",
            "messages:\n  hello:\n    vars: [name, title]\n    text: Hallo {{ title }} {{ name }}\n"));
        Assert.Equal("messages.hello", problem.Key);
        Assert.Contains("declares variables [name] but test.de.yaml declares [name, title]", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Badly_named_files_are_reported_and_reserved_ones_skipped()
    {
        _folder.With("Test.EN.yaml", Good).With("test.yml", Good).With("understanding.de.yaml", "intents: [{not: messages}]\n")
            .With("notes.txt", "ignored");
        var problems = ProblemsOf(Good);
        Assert.Equal(["Test.EN.yaml", "test.yml"], problems.Select(p => p.File).Order(StringComparer.Ordinal));
        Assert.All(problems, p => Assert.Contains("<dialog>.<lang>.yaml", p.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void A_missing_folder_is_a_problem_not_a_crash()
    {
        var problem = Assert.Single(DialogsFolder.Catalogue(Path.Combine(_folder.Path, "nope")).Validate());
        Assert.Contains("does not exist", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ensure_valid_lists_every_problem_in_its_message()
    {
        _folder.With("test.en.yaml", "messages:\n  hello: \"{{ x }}\"\n  bye: \"{{ y | nope }}\"\n").With("test.de.yaml", "messages:\n  hello: Hallo\n");
        var error = Assert.Throws<CatalogueInvalidException>(() => _folder.Load().EnsureValid());
        Assert.Equal(4, error.Problems.Count);
        Assert.Contains("4 problem(s)", error.Message, StringComparison.Ordinal);
        Assert.Contains("test.en.yaml:2: 'messages.hello': unknown variable 'x'", error.Message, StringComparison.Ordinal);
        Assert.Contains("test.en.yaml:3: 'messages.bye': unknown filter 'nope'.", error.Message, StringComparison.Ordinal);
        Assert.Contains("test.de.yaml: 'messages.bye': missing in this language", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_yaml_alias_does_not_smuggle_in_unchecked_text()
    {
        var yaml = "messages:\n  hello: &h \"Hi {{ secret }}\"\n  again: *h\nbuttons:\n  ok: OK\n";
        var problems = ProblemsOf(yaml).Where(p => p.File == "test.en.yaml").ToList();
        Assert.Equal(2, problems.Count);
        Assert.All(problems, p => Assert.Contains("unknown variable 'secret'", p.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Oversized_and_hostile_text_loads_and_renders_verbatim()
    {
        var huge = new string('x', 200_000);
        var yaml = $"messages:\n  big: \"{huge}\"\n  odd: \"\\u0000 <script>alert(1)</script> \\u202e\"\nbuttons:\n  ok: OK\n";
        var catalogue = _folder.With("test.en.yaml", yaml).With("test.de.yaml", yaml).Load().EnsureValid();
        Assert.Equal(huge, catalogue.Render("test", "big", "en"));
        Assert.Equal("\0 <script>alert(1)</script> \u202e", catalogue.Render("test", "odd", "de"));
    }
}

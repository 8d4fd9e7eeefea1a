using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Messages;

namespace Dunning.Bot.Core.Tests.Messages;

public sealed class Rendering_in_parallel
{
    private const string Template = """
        messages:
          due:
            vars: [amount, deadline, name]
            text:
              - "{{ name }}: {{ amount | money }} by {{ deadline | date }}"
              - "{{ name }} owes {{ amount | money }} until {{ deadline | date: 'long' }}"
        """;

    [Fact]
    public async Task Parallel_renders_in_both_languages_give_the_same_text_as_serial_ones()
    {
        var catalogue = MessageCatalogue.FromTexts([new("t.de.yaml", Template), new("t.en.yaml", Template)]).EnsureValid();
        var jobs = Enumerable.Range(0, 4000).Select(i => (
            Language: i % 2 == 0 ? "de" : "en",
            Model: new Dictionary<string, object?>
            {
                ["name"] = $"Debtor {i}",
                ["amount"] = new Money(i + 0.5m, i % 3 == 0 ? "EUR" : "CHF"),
                ["deadline"] = new DateOnly(2026, 1, 1).AddDays(i % 365),
            },
            Seed: i)).ToArray();
        var expected = jobs.Select(j => catalogue.Render("t", "due", j.Language, j.Model, j.Seed)).ToArray();

        var actual = new string[jobs.Length];
        await Parallel.ForAsync(0, jobs.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, (i, _) =>
        {
            actual[i] = catalogue.Render("t", "due", jobs[i].Language, jobs[i].Model, jobs[i].Seed);
            return ValueTask.CompletedTask;
        });

        Assert.Equal(expected, actual);
        Assert.Equal("Debtor 2: 2,50 CHF by 03.01.2026", actual[2]);
        Assert.Equal("Debtor 3 owes €3.50 until 4 January 2026", actual[3]);
    }

    [Fact]
    public async Task Round_robin_under_contention_uses_every_variant_equally()
    {
        var catalogue = MessageCatalogue.FromTexts([new("t.de.yaml", Template), new("t.en.yaml", Template)]).EnsureValid();
        var model = new { name = "A", amount = Money.Euro(1m), deadline = new DateOnly(2026, 5, 1) };
        var results = new string[1000];
        await Parallel.ForAsync(0, results.Length, (i, _) =>
        {
            results[i] = catalogue.Render("t", "due", "en", model);
            return ValueTask.CompletedTask;
        });
        Assert.Equal([500, 500], results.GroupBy(r => r).Select(g => g.Count()));
    }
}

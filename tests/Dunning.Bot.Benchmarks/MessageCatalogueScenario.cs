using System.Diagnostics;
using System.Text;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Messages;

namespace Dunning.Bot.Benchmarks;

/// <summary>
/// Loads a synthetic dialogs set (parse + validate every template) and renders messages with the money and
/// date filters from several threads. Options: --dialogs 20 --keys 30 --renders 200000 --threads 2.
/// </summary>
internal sealed class MessageCatalogueScenario : IScenario
{
    public string Name => "catalogue";

    public async Task RunAsync(BenchmarkArgs args, CancellationToken cancellationToken)
    {
        var dialogs = args.Int("dialogs", 20);
        var keys = args.Int("keys", 30);
        var renders = args.Int("renders", 200_000);
        var threads = args.Int("threads", 2);

        var files = Enumerable.Range(0, dialogs)
            .SelectMany(d => new[] { "de", "en" }.Select(lang => new KeyValuePair<string, string>($"d{d}.{lang}.yaml", File(keys, lang))))
            .ToList();
        var load = Stopwatch.StartNew();
        var catalogue = MessageCatalogue.FromTexts(files).EnsureValid();
        load.Stop();

        var model = new { name = "Erika Mustermann", balance = Money.Euro(1234.56m), deadline = new DateOnly(2026, 11, 26), rate = 2.5m };
        var perThread = renders / threads;
        var latencies = new double[perThread * threads];
        var wall = Stopwatch.StartNew();
        await Parallel.ForAsync(0, threads, cancellationToken, (t, _) =>
        {
            for (var i = 0; i < perThread; i++)
            {
                var start = Stopwatch.GetTimestamp();
                catalogue.Render($"d{i % dialogs}", $"k{i % keys}", (i & 1) == 0 ? "de" : "en", model, i);
                latencies[t * perThread + i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
            }

            return ValueTask.CompletedTask;
        });
        wall.Stop();

        Array.Sort(latencies);
        Report.Line(Name, new
        {
            templates = dialogs * keys * 2 * 3,
            load_ms = Math.Round(load.Elapsed.TotalMilliseconds, 1),
            renders = latencies.Length,
            threads,
            renders_per_sec = Math.Round(latencies.Length / wall.Elapsed.TotalSeconds),
            p50_us = Math.Round(Report.Percentile(latencies, 0.50), 2),
            p99_us = Math.Round(Report.Percentile(latencies, 0.99), 2),
            peak_mb = Report.PeakMemoryMb(),
        });
    }

    private static string File(int keys, string lang)
    {
        var text = new StringBuilder("variables: [name, balance, deadline]\nmessages:\n");
        for (var k = 0; k < keys; k++)
        {
            text.Append($"  k{k}:\n    vars: [rate]\n    text:\n")
                .Append($"      - \"{lang} {k}: {{{{ name }}}}, {{{{ balance | money }}}} by {{{{ deadline | date }}}}.\"\n")
                .Append($"      - \"{lang} {k}: {{{{ balance | money }}}} open{{% if rate > 0 %}}, {{{{ rate | percent }}}}{{% endif %}}.\"\n")
                .Append($"      - \"{lang} {k}: {{{{ name | upcase }}}} {{{{ deadline | date: 'long' }}}}\"\n");
        }

        return text.ToString();
    }
}

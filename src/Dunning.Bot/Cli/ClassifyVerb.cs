using System.Globalization;
using System.Text;
using Dunning.Bot.Core.Understanding;
using Dunning.Bot.Hosting;

namespace Dunning.Bot.Cli;

/// <summary>
/// <c>classify [--today YYYY-MM-DD] [--tz Europe/Berlin] [--lang en] [--dialogs DIR]</c>: reads one
/// message per line on stdin and prints one JSON object per line. Starts without host or database.
/// </summary>
internal sealed class ClassifyVerb(TimeProvider clock) : ICliVerb
{
    public ClassifyVerb()
        : this(TimeProvider.System)
    {
    }

    public string Name => "classify";

    public string Summary => "understand messages from stdin (one per line), print JSON lines";

    public async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        return await RunAsync(args, Console.In, output, error, cancellationToken).ConfigureAwait(false);
    }

    public async Task<int> RunAsync(string[] args, TextReader input, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (!TryParse(args, out var options, out var problem))
        {
            await error.WriteLineAsync(problem).ConfigureAwait(false);
            await error.WriteLineAsync("usage: classify [--today YYYY-MM-DD] [--tz Europe/Berlin] [--lang de|en] [--dialogs DIR]").ConfigureAwait(false);
            return 2;
        }
        UnderstandingData data;
        try
        {
            data = DialogsFolder.Understanding(options.Dialogs, FileIntentModelCache.For(new UnderstandingOptions()));
        }
        catch (UnderstandingDataException e)
        {
            await error.WriteLineAsync(e.Message).ConfigureAwait(false);
            return 1;
        }
        var recognizer = new OfflineRecognizer(data);
        var context = options.Today is { } today
            ? new RecognitionContext(today, options.TimeZone, options.Language)
            : RecognitionContext.At(clock, options.TimeZone, options.Language);
        while (await input.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
            await output.WriteLineAsync(ToJson(recognizer.Recognize(line, context))).ConfigureAwait(false);
        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
        return 0;
    }

    /// <summary>The wire line: intent, lang, date, amount, instalments.</summary>
    internal static string ToJson(MessageUnderstanding result)
    {
        var sb = new StringBuilder(120);
        sb.Append("{\"intent\": \"").Append(result.Intent.ToWireName())
            .Append("\", \"lang\": \"").Append(result.Language)
            .Append("\", \"date\": ").Append(result.Date is { } d ? $"\"{d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}\"" : "null")
            .Append(", \"amount\": ").Append(result.Amount is { } a ? a.ToString(CultureInfo.InvariantCulture) : "null")
            .Append(", \"instalments\": ").Append(result.Instalments is { } n ? n.ToString(CultureInfo.InvariantCulture) : "null")
            .Append('}');
        return sb.ToString();
    }

    private sealed record Options(DateOnly? Today, TimeZoneInfo TimeZone, string Language, string Dialogs);

    private static bool TryParse(string[] args, out Options options, out string problem)
    {
        options = new Options(null, TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin"), "en", Path.Combine(AppContext.BaseDirectory, "dialogs"));
        problem = "";
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            if (value is null)
            {
                problem = $"option {args[i]} needs a value";
                return false;
            }
            switch (args[i])
            {
                case "--today" when DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var today):
                    options = options with { Today = today };
                    break;
                case "--tz" when TimeZoneInfo.TryFindSystemTimeZoneById(value, out var zone):
                    options = options with { TimeZone = zone };
                    break;
                case "--lang" when value is "de" or "en":
                    options = options with { Language = value };
                    break;
                case "--dialogs":
                    options = options with { Dialogs = value };
                    break;
                default:
                    problem = $"invalid option or value: {args[i]} {value}";
                    return false;
            }
            i++;
        }
        return true;
    }
}

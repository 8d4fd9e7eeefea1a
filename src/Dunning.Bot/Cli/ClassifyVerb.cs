using System.CommandLine;
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
        var todayOption = VerbLine.Date("--today");
        var zone = new Option<TimeZoneInfo>("--tz")
        {
            DefaultValueFactory = _ => TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin"),
            CustomParser = r => TimeZoneInfo.TryFindSystemTimeZoneById(r.Tokens[0].Value, out var found) ? found : VerbLine.Invalid<TimeZoneInfo>(r),
        };
        var language = new Option<string>("--lang") { DefaultValueFactory = _ => "en" };
        language.AcceptOnlyFromAmong("de", "en");
        var dialogs = new Option<string>("--dialogs") { DefaultValueFactory = _ => Path.Combine(AppContext.BaseDirectory, "dialogs") };
        if (VerbLine.Parse(new Command(Name) { todayOption, zone, language, dialogs }, args, error, "usage: classify [--today YYYY-MM-DD] [--tz Europe/Berlin] [--lang de|en] [--dialogs DIR]") is not { } parsed)
            return 2;
        var options = new Options(parsed.GetValue(todayOption), parsed.GetValue(zone)!, parsed.GetValue(language)!, parsed.GetValue(dialogs)!);
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
}

using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace Dunning.Bot.Cli;

/// <summary>
/// The verbs' command lines, declared with System.CommandLine: a verb lists its options and arguments once, and
/// <c>Parse</c> reads them. On a problem (unknown option, a value missing or malformed, a second file) the verb
/// prints the problem and its usage line and exits with 2, as it always has; the verbs keep their own worded messages.
/// Response files are off: a path or debtor id that starts with <c>@</c> is a value, never a file to expand.
/// </summary>
internal static class VerbLine
{
    private static readonly ParserConfiguration Settings = new() { ResponseFileTokenReplacer = null };

    /// <summary>
    /// The parse of <paramref name="args"/>; null after writing the problem and <paramref name="usage"/> to
    /// <paramref name="error"/>. An argument nobody asked for is worded "verb: unexpected argument 'x'.".
    /// </summary>
    public static ParseResult? Parse(Command command, string[] args, TextWriter error, string usage)
    {
        ArgumentNullException.ThrowIfNull(command);
        return Parse(command, args, error, usage, a => $"{command.Name}: unexpected argument '{a}'.");
    }

    /// <summary>As <see cref="Parse(Command, string[], TextWriter, string)"/>, worded in <paramref name="text"/>'s language with its usage line <paramref name="usageKey"/>.</summary>
    public static ParseResult? Parse(Command command, string[] args, TextWriter error, CliText text, string usageKey)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(text);
        return Parse(command, args, error, text.Say(usageKey), a => text.Say("unexpected_argument", new() { ["verb"] = command.Name, ["argument"] = a }));
    }

    private static ParseResult? Parse(Command command, string[] args, TextWriter error, string usage, Func<string, string> unexpected)
    {
        ArgumentNullException.ThrowIfNull(error);
        var result = command.Parse(args, Settings);
        if (result.Errors.Count == 0)
            return result;
        error.WriteLine(result.UnmatchedTokens.Count > 0 ? unexpected(result.UnmatchedTokens[0]) : result.Errors[0].Message);
        error.WriteLine(usage);
        return null;
    }

    /// <summary><c>--config &lt;settings.json&gt;</c>: a settings file read over the defaults.</summary>
    public static Option<string?> ConfigFile() => new("--config") { HelpName = "settings.json" };

    /// <summary><c>--dry-run</c>: do the work, change nothing.</summary>
    public static Option<bool> DryRun() => new("--dry-run") { Arity = ArgumentArity.Zero };

    /// <summary>An option whose value is a <c>YYYY-MM-DD</c> date.</summary>
    public static Option<DateOnly?> Date(string name) => new(name)
    {
        HelpName = "YYYY-MM-DD",
        CustomParser = result => DateOnly.TryParseExact(result.Tokens[0].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : Invalid<DateOnly?>(result),
    };

    /// <summary>Records "invalid value" for <paramref name="result"/>'s option; the parse then fails.</summary>
    public static T? Invalid<T>(ArgumentResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var option = (result.Parent as OptionResult)?.Option.Name ?? result.Argument.Name;
        result.AddError($"invalid option or value: {option} {result.Tokens[0].Value}");
        return default;
    }

    /// <summary>The arguments <see cref="Hosting.DunningConfiguration.ForVerb"/> takes for an optional settings file.</summary>
    public static string[] ConfigArguments(string? configFile) =>
        configFile is null ? [] : [Hosting.DunningConfiguration.ConfigFileArgument, configFile];
}

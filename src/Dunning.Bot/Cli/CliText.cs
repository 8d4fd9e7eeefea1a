using System.Globalization;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Messages;
using Dunning.Bot.Hosting;

namespace Dunning.Bot.Cli;

/// <summary>
/// What the verbs print, from <c>dialogs/cli.&lt;lang&gt;.yaml</c>. The language is <c>--lang de|en</c> when given, else
/// the environment's culture (<c>LANG</c>/<c>LC_ALL</c>: German for <c>de_*</c>), else English.
/// </summary>
internal sealed class CliText
{
    public const string Dialog = "cli";
    public const string LanguageArgument = "--lang";

    private static readonly Lazy<MessageCatalogue> Catalogue =
        new(() => DialogsFolder.Catalogue(Path.Combine(AppContext.BaseDirectory, "dialogs")).EnsureValid());

    private CliText(string language) => Language = language;

    public string Language { get; }

    /// <summary>
    /// Takes <c>--lang X</c> out of <paramref name="args"/>. Returns false (after printing the problem) when X is
    /// missing or not de/en; the verb then exits with 2.
    /// </summary>
    public static bool TryTake(string verb, ref string[] args, TextWriter error, out CliText text)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(error);
        var at = Array.IndexOf(args, LanguageArgument);
        text = new CliText(EnvironmentLanguage());
        if (at < 0)
            return true;
        var language = at + 1 < args.Length ? args[at + 1] : "";
        args = [.. args.Where((_, i) => i != at && i != at + 1)];
        if (!Debtor.Languages.Contains(language))
        {
            error.WriteLine(text.Say("unknown_language", new() { ["verb"] = verb, ["language"] = language }));
            return false;
        }
        text = new CliText(language);
        return true;
    }

    public string Say(string key, Dictionary<string, object?>? model = null) => Catalogue.Value.Render(Dialog, key, Language, model);

    /// <summary>The verb's one-line summary in this language (the verb's English <see cref="ICliVerb.Summary"/> when there is none).</summary>
    public string Summary(ICliVerb verb)
    {
        ArgumentNullException.ThrowIfNull(verb);
        var key = "summary_" + verb.Name.Replace('-', '_');
        return Catalogue.Value.HasMessage(Dialog, key, Language) ? Say(key) : verb.Summary;
    }

    /// <summary>German when the environment's UI culture is German, else English.</summary>
    private static string EnvironmentLanguage() => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "de" ? "de" : "en";
}

using System.CommandLine;
using System.Security.Cryptography;
using Dunning.Bot.Channels.Teams;
using Dunning.Bot.Channels.Teams.Package;
using Dunning.Bot.Core.Messages;
using Dunning.Bot.Hosting;

namespace Dunning.Bot.Cli;

/// <summary>
/// <c>teams-package [--out DIR] [--lang de|en] [--config FILE]</c>: writes the Teams app package (manifest.json with a
/// localization file for the language other than <c>TeamsApp:DefaultLanguage</c>, colour and outline icons, and the
/// zip to upload) from <c>Teams:AppId</c>, the <c>TeamsApp</c> section and <c>dialogs/teams.&lt;lang&gt;.yaml</c>.
/// Exit codes: 0 written, 1 settings incomplete, 2 usage.
/// </summary>
internal sealed class TeamsPackageVerb(IConfiguration? configuration = null) : ICliVerb
{
    public TeamsPackageVerb()
        : this(null)
    {
    }

    public string Name => "teams-package";

    public string Summary => "write the Teams app package (manifest.json, icons, zip) for upload";

    public Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (!CliText.TryTake(Name, ref args, error, out var text))
            return Task.FromResult(2);
        var outOption = new Option<string>("--out") { HelpName = "DIR", DefaultValueFactory = _ => "teams-app" };
        var configOption = VerbLine.ConfigFile();
        if (VerbLine.Parse(new Command(Name) { outOption, configOption }, args, error, text, "teams_usage") is not { } line)
            return Task.FromResult(2);
        var directory = Path.GetFullPath(line.GetValue(outOption)!);
        var config = configuration ?? DunningConfiguration.ForVerb(VerbLine.ConfigArguments(line.GetValue(configOption)));
        var teams = config.GetSection(TeamsOptions.SectionName).Get<TeamsOptions>() ?? new TeamsOptions();
        var app = config.GetSection(TeamsAppOptions.SectionName).Get<TeamsAppOptions>() ?? new TeamsAppOptions();
        var publicBaseUrl = config[$"{BotOptions.SectionName}:{nameof(BotOptions.PublicBaseUrl)}"];

        if (TeamsAppPackage.TryBuild(teams.AppId, app, publicBaseUrl, out var problems, Translations(app)) is not { } package)
        {
            error.WriteLine(text.Say("teams_cannot_build"));
            foreach (var problem in problems)
                error.WriteLine($"  {problem}");
            return Task.FromResult(1);
        }
        var zip = package.WriteTo(directory);
        output.WriteLine(text.Say("teams_written", new() { ["zip"] = zip }));
        output.WriteLine(text.Say("teams_details", new()
        {
            ["version"] = TeamsAppPackage.ManifestVersion, ["app_id"] = package.Manifest["id"]?.ToString(), ["bot_id"] = teams.AppId,
            ["languages"] = string.Join(", ", package.Localizations.Keys.Select(f => f[..^5]).Prepend(TeamsAppTexts.Tags.GetValueOrDefault(app.DefaultLanguage, app.DefaultLanguage))),
        }));
        output.WriteLine(text.Say("teams_upload"));
        if (string.IsNullOrWhiteSpace(teams.OwnerLinkCode))
            output.WriteLine(text.Say("teams_owner_code", new() { ["code"] = Convert.ToHexString(RandomNumberGenerator.GetBytes(9)) }));
        return Task.FromResult(0);
    }

    /// <summary>The names and descriptions in every language of the dialogs but the default one, worded in teams.&lt;lang&gt;.yaml.</summary>
    private static List<TeamsAppTexts> Translations(TeamsAppOptions app)
    {
        var catalogue = DialogsFolder.Catalogue(Path.Combine(AppContext.BaseDirectory, "dialogs")).EnsureValid();
        var model = new Dictionary<string, object?> { ["short_name"] = app.ShortName };
        return [.. catalogue.Languages.Where(l => l != app.DefaultLanguage && TeamsAppTexts.Tags.ContainsKey(l)).Select(l => new TeamsAppTexts(l,
            catalogue.Render(TeamsWording.Dialog, "app_short_name", l, model), catalogue.Render(TeamsWording.Dialog, "app_full_name", l, model),
            catalogue.Render(TeamsWording.Dialog, "app_short_description", l), catalogue.Render(TeamsWording.Dialog, "app_full_description", l, model)))];
    }
}

using System.Security.Cryptography;
using Dunning.Bot.Channels.Teams;
using Dunning.Bot.Channels.Teams.Package;
using Dunning.Bot.Hosting;

namespace Dunning.Bot.Cli;

/// <summary>
/// <c>teams-package [--out DIR] [--config FILE]</c>: writes the Teams app package (manifest.json, colour and outline
/// icons, and the zip to upload) from <c>Teams:AppId</c> and the <c>TeamsApp</c> section.
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
        var at = Array.IndexOf(args, "--out");
        if (at >= 0 && at + 1 >= args.Length)
        {
            error.WriteLine("usage: teams-package [--out DIR] [--config FILE]");
            return Task.FromResult(2);
        }
        var directory = Path.GetFullPath(at >= 0 ? args[at + 1] : "teams-app");
        var config = configuration ?? DunningConfiguration.ForVerb(args);
        var teams = config.GetSection(TeamsOptions.SectionName).Get<TeamsOptions>() ?? new TeamsOptions();
        var app = config.GetSection(TeamsAppOptions.SectionName).Get<TeamsAppOptions>() ?? new TeamsAppOptions();
        var publicBaseUrl = config[$"{BotOptions.SectionName}:{nameof(BotOptions.PublicBaseUrl)}"];

        if (TeamsAppPackage.TryBuild(teams.AppId, app, publicBaseUrl, out var problems) is not { } package)
        {
            error.WriteLine("The Teams app package cannot be built:");
            foreach (var problem in problems)
                error.WriteLine($"  {problem}");
            return Task.FromResult(1);
        }
        var zip = package.WriteTo(directory);
        output.WriteLine($"Teams app package written to {zip}");
        output.WriteLine($"  manifest {TeamsAppPackage.ManifestVersion}, app id {package.Manifest["id"]}, bot id {teams.AppId}, scope personal");
        output.WriteLine("Upload it in Teams (Apps > Manage your apps > Upload an app) or in the Teams admin center.");
        if (string.IsNullOrWhiteSpace(teams.OwnerLinkCode))
            output.WriteLine($"To receive escalation alerts in Teams, set Teams:OwnerLinkCode, e.g. {Convert.ToHexString(RandomNumberGenerator.GetBytes(9))}, and type it in your chat with the bot.");
        return Task.FromResult(0);
    }
}

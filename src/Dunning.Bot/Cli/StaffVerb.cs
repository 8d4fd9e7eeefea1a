using System.CommandLine;
using Dunning.Bot.Hosting;
using Dunning.Bot.Staff;
using Dunning.Bot.Staff.Accounts;
using Dunning.Bot.Storage;

namespace Dunning.Bot.Cli;

/// <summary>
/// <c>staff add --user NAME --role owner|staff [--name NAME] [--title JOB] [--password-stdin] [--config file]</c>: creates a console account. Without
/// <c>--password-stdin</c> a random password is generated and printed once. Exit codes: 0 created, 1 refused (name
/// taken, password too short), 2 usage.
/// </summary>
internal sealed class StaffVerb(TextReader? input = null) : ICliVerb
{
    private const string UsageLine = "usage: staff add --user <name> --role owner|staff [--name <shown name>] [--title <job>] [--password-stdin] [--config <settings.json>]";

    public string Name => "staff";

    public string Summary => "add a staff console account: staff add --user NAME --role owner|staff [--name \"Anna Becker\"] [--title Buchhaltung] [--password-stdin]";

    public async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (args.Length == 0 || args[0] != "add")
            return Usage(error, "the only sub-command is 'add'.");
        var (userOption, roleOption, nameOption, titleOption) = (new Option<string?>("--user"), new Option<string?>("--role"), new Option<string?>("--name"), new Option<string?>("--title"));
        var passwordStdin = new Option<bool>("--password-stdin") { Arity = ArgumentArity.Zero };
        var config = VerbLine.ConfigFile();
        var staff = new Command(Name) { new Command("add") { userOption, roleOption, nameOption, titleOption, passwordStdin, config } };
        if (VerbLine.Parse(staff, args, error, UsageLine) is not { } line)
            return 2;
        var (user, roleText, displayName, title) = (line.GetValue(userOption), line.GetValue(roleOption), line.GetValue(nameOption), line.GetValue(titleOption));
        var (fromStdin, configFile) = (line.GetValue(passwordStdin), line.GetValue(config));
        if (user is null)
            return Usage(error, "--user is required.");
        if (!StaffRoles.TryParse(roleText, out var role))
            return Usage(error, "--role must be owner or staff.");
        if (!StaffAccounts.IsShownText(displayName) || !StaffAccounts.IsShownText(title))
            return Usage(error, StaffAccounts.ShownTextRule);
        if (configFile is not null && !File.Exists(configFile))
            return Usage(error, $"the configuration file {configFile} does not exist.");
        string? password = null;
        if (fromStdin)
        {
            password = (input ?? Console.In).ReadLine()?.TrimEnd('\r', '\n');
            if (string.IsNullOrEmpty(password))
                return Usage(error, "--password-stdin read no password.");
        }

        var configuration = DunningConfiguration.ForVerb(VerbLine.ConfigArguments(configFile));
        using var host = DunningServices.ForVerb(configuration, b => b.AddStaffAccounts());
        var provider = host.Services;
        try
        {
            var (account, generated) = await provider.GetRequiredService<StaffAccounts>().CreateAsync(user, role, password, cancellationToken, displayName, title);
            output.WriteLine($"Created {StaffRoles.Name(account.Role)} account '{account.UserName}'.");
            if (generated is not null)
                output.WriteLine($"Password (shown once, keep it secret): {generated}");
            output.WriteLine("Sign in at /console/signin.");
            return 0;
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            error.WriteLine($"staff: {ex.Message}");
            return 1;
        }
    }

    private static int Usage(TextWriter error, string problem)
    {
        error.WriteLine($"staff: {problem}");
        error.WriteLine(UsageLine);
        return 2;
    }
}

namespace Dunning.Bot.Hosting;

/// <summary>
/// Configuration sources, in order of precedence (last wins): appsettings.json,
/// appsettings.{Environment}.json, the file named by <c>--config &lt;file&gt;</c>, environment
/// variables (<c>Telegram__Token</c>), command-line arguments. The web host and the CLI verbs share it.
/// </summary>
internal static class DunningConfiguration
{
    public const string ConfigFileArgument = "--config";

    /// <summary>The environment name the host would use (ASPNETCORE_ENVIRONMENT / DOTNET_ENVIRONMENT).</summary>
    public static string EnvironmentName =>
        Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT")
        ?? Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT")
        ?? Environments.Production;

    /// <summary>Adds the <c>--config</c> file, then re-adds environment and command line so they still win.</summary>
    public static void AddConfigFile(IConfigurationBuilder configuration, string[] args)
    {
        var file = ConfigFile(args);
        if (file is null)
            return;
        var path = Path.GetFullPath(file);
        if (!File.Exists(path))
            throw new FileNotFoundException($"The configuration file given with --config was not found: {path}", path);
        configuration.AddJsonFile(path, optional: false, reloadOnChange: false);
        configuration.AddEnvironmentVariables();
        configuration.AddCommandLine(args.Where((_, i) => !IsConfigPair(args, i)).ToArray());
    }

    /// <summary>Configuration for a CLI verb (no web host): the same sources as <c>serve</c>.</summary>
    public static IConfigurationRoot ForVerb(string[] args)
    {
        var builder = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddJsonFile($"appsettings.{EnvironmentName}.json", optional: true)
            .AddEnvironmentVariables();
        AddConfigFile(builder, args);
        return builder.Build();
    }

    /// <summary>Arguments without the <c>--config &lt;file&gt;</c> pair.</summary>
    public static string[] WithoutConfigFile(string[] args) => args.Where((_, i) => !IsConfigPair(args, i)).ToArray();

    private static string? ConfigFile(string[] args)
    {
        var at = Array.IndexOf(args, ConfigFileArgument);
        if (at < 0)
            return null;
        return at + 1 < args.Length ? args[at + 1] : throw new ArgumentException("--config needs a file path.");
    }

    private static bool IsConfigPair(string[] args, int i) =>
        args[i] == ConfigFileArgument || (i > 0 && args[i - 1] == ConfigFileArgument);
}

namespace Dunning.Bot.Cli;

/// <summary>
/// Configuration for verbs that run without the web host, layered like the host's: appsettings.json (next to the
/// binary, then the working directory), appsettings.{environment}.json, environment variables, then <c>--config</c>.
/// </summary>
internal static class CliConfiguration
{
    public static IConfiguration Build(string? configFile)
    {
        var environment = Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT")
            ?? Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") ?? "Production";
        var builder = new ConfigurationBuilder();
        foreach (var folder in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() }.Distinct())
        {
            builder.AddJsonFile(Path.Combine(folder, "appsettings.json"), optional: true);
            builder.AddJsonFile(Path.Combine(folder, $"appsettings.{environment}.json"), optional: true);
        }
        builder.AddEnvironmentVariables();
        if (configFile is not null)
            builder.AddJsonFile(Path.GetFullPath(configFile), optional: false);
        return builder.Build();
    }
}

using System.CommandLine;
using Dunning.Bot.Api;

namespace Dunning.Bot.Cli;

/// <summary><c>apikey [--name NAME]</c>: makes a new API key and prints the configuration entry (its hash). Exit codes: 0 made, 2 usage.</summary>
internal sealed class ApiKeyVerb : ICliVerb
{
    public string Name => "apikey";

    public string Summary => "create an API key for the owner API and print its configuration entry";

    public Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var nameOption = new Option<string>("--name") { DefaultValueFactory = _ => "owner" };
        if (VerbLine.Parse(new Command(Name) { nameOption }, args, error, "usage: apikey [--name NAME]") is not { } line)
            return Task.FromResult(2);
        var name = line.GetValue(nameOption)!;
        var key = ApiKeys.NewKey();
        output.WriteLine($"API key (shown once, keep it secret): {key}");
        output.WriteLine();
        output.WriteLine("Add this entry to the configuration (only the hash is stored):");
        output.WriteLine($"  \"Api\": {{ \"Keys\": [ {{ \"Name\": \"{name}\", \"Sha256\": \"{ApiKeys.Hash(key)}\" }} ] }}");
        output.WriteLine($"or as environment variables: Api__Keys__0__Name={name} Api__Keys__0__Sha256={ApiKeys.Hash(key)}");
        output.WriteLine($"Then call the API with the header {ApiKeys.HeaderName}: <key>.");
        return Task.FromResult(0);
    }
}

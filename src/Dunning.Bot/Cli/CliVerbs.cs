namespace Dunning.Bot.Cli;

/// <summary>The table of verbs; <c>serve</c> (or no verb) starts the host.</summary>
internal static class CliVerbs
{
    private static readonly ICliVerb[] All =
    [
        new ApiKeyVerb(),
        new ClassifyVerb(),
        new ImportVerb(),
        new BankImportVerb(),
        new StaffVerb(),
        new TeamsPackageVerb(),
        new LinksVerb(),
        new LettersVerb(),
        new SimulateVerb(),
        new SweepVerb(),
        // issue 20: moving a LiteDB file into PostgreSQL
        new MigrateStorageVerb(),
    ];

    /// <summary>The verb named by the first argument, or null to start the host.</summary>
    public static ICliVerb? Find(string[] args) =>
        args.Length == 0 || args[0].StartsWith('-') || args[0] == "serve"
            ? null
            : All.FirstOrDefault(v => v.Name == args[0]) ?? new UnknownVerb(args[0], All);

    private sealed class UnknownVerb(string name, ICliVerb[] known) : ICliVerb
    {
        public string Name => name;
        public string Summary => "";

        public Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
        {
            _ = CliText.TryTake(name, ref args, TextWriter.Null, out var text);
            error.WriteLine(text.Say("unknown_verb", new() { ["name"] = name }));
            error.WriteLine($"  {"serve",-14} {text.Say("summary_serve")}");
            foreach (var verb in known)
                error.WriteLine($"  {verb.Name,-14} {text.Summary(verb)}");
            return Task.FromResult(2);
        }
    }
}

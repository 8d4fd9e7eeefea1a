using Dunning.Bot.Benchmarks;

// dotnet run -c Release --project tests/Dunning.Bot.Benchmarks -- <scenario> [--option value …]
// Each scenario prints one JSON line per result.
var scenarios = typeof(IScenario).Assembly.GetTypes()
    .Where(t => t is { IsClass: true, IsAbstract: false } && t.IsAssignableTo(typeof(IScenario)))
    .Select(t => (IScenario)Activator.CreateInstance(t)!)
    .ToDictionary(s => s.Name);

if (args.Length == 0 || !scenarios.TryGetValue(args[0], out var scenario))
{
    Console.Error.WriteLine("usage: <scenario> [options]; scenarios: " + string.Join(", ", scenarios.Keys.Order()));
    return 2;
}

await scenario.RunAsync(BenchmarkArgs.Parse(args[1..]), CancellationToken.None);
return 0;

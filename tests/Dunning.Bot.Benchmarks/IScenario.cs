namespace Dunning.Bot.Benchmarks;

/// <summary>A benchmark scenario, found by reflection; put each in its own file.</summary>
internal interface IScenario
{
    string Name { get; }

    Task RunAsync(BenchmarkArgs args, CancellationToken cancellationToken);
}

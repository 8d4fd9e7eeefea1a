using Dunning.Bot.Cli;

// Verbs besides `serve` (import, classify, simulate, links, …) run without the web host.
if (CliVerbs.Find(args) is { } verb)
    return await verb.RunAsync(args[1..], Console.Out, Console.Error, CancellationToken.None);

var builder = WebApplication.CreateBuilder(args);

var app = builder.Build();

app.MapGet("/health", () => Results.Ok(new { status = "ok" }));

await app.RunAsync();
return 0;

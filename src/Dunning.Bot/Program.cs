using Dunning.Bot.Api;
using Dunning.Bot.Cli;
using Dunning.Bot.Hosting;
using Dunning.Bot.Intake;
using Dunning.Bot.Scheduling;
using Dunning.Bot.Storage;

// Verbs besides `serve` (import, classify, simulate, links, …) run without the web host.
if (CliVerbs.Find(args) is { } verb)
    return await verb.RunAsync(args[1..], Console.Out, Console.Error, CancellationToken.None);

var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = DunningConfiguration.WithoutConfigFile(args),
    ContentRootPath = AppContext.BaseDirectory,
});
DunningConfiguration.AddConfigFile(builder.Configuration, args);

builder.AddDunningHost();
builder.Services.AddDunningStorage(builder.Configuration);
builder.Services.AddDunningIntake(builder.Configuration);
builder.AddDunningApi();
builder.AddDunningScheduling();

var app = builder.Build();

app.MapHealth();
app.MapDunningApi();

await app.RunAsync();
return 0;

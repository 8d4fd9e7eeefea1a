using Dunning.Bot.Api;
using Dunning.Bot.Banking;
using Dunning.Bot.Channels.Email;
using Dunning.Bot.Channels.Telegram;
using Dunning.Bot.Channels.WebChat;
using Dunning.Bot.Channels.Teams;
using Dunning.Bot.Cli;
using Dunning.Bot.Hosting;
using Dunning.Bot.Hosting.Telemetry;
using Dunning.Bot.Intake;
using Dunning.Bot.Letters;
using Dunning.Bot.Scheduling;
using Dunning.Bot.Staff;
using Dunning.Bot.Storage;
using Dunning.Bot.Storage.PostgreSql;
using Dunning.Bot.Uploads;

// Verbs besides `serve` (import, classify, simulate, links, …) run without the web host.
// A verb or host refused because another process writes the database file says which and exits with 2.
if (CliVerbs.Find(args) is { } verb)
    return await DatabaseInUseException.ExitWhenThrownAsync(() => verb.RunAsync(args[1..], Console.Out, Console.Error, CancellationToken.None), Console.Error);

var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = DunningConfiguration.WithoutConfigFile(args),
    ContentRootPath = AppContext.BaseDirectory,
});
DunningConfiguration.AddConfigFile(builder.Configuration, args);

builder.AddDunningServices();
builder.AddDunningHost();
builder.AddDunningTelemetry();
builder.AddDunningIntake();
builder.AddDunningBanking();
builder.AddDunningApi();
builder.AddDunningConversations();
builder.AddTelegram();
builder.AddWebChat();
builder.AddTeams();
builder.AddEmail();
builder.AddDunningScheduling();
builder.AddStaffConsole();
builder.AddLetters();
builder.AddPostgreSqlStorageWhenChosen();

var app = builder.Build();
return await DatabaseInUseException.ExitWhenThrownAsync(async () =>
{
    app.OpenDunningStorage();

    app.UseDunningHost();
    app.MapHealth();
    app.MapTelemetry();
    app.MapDunningApi();
    app.MapTelegram();
    app.MapWebChat();
    app.MapTeams();
    app.MapEmail();
    app.MapStaffConsole();
    app.MapLetters();
    app.MapUploads();

    await app.RunAsync();
    return 0;
}, Console.Error);

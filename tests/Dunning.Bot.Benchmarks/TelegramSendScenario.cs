using System.Diagnostics;
using Dunning.Bot.Hosting;
using Dunning.Bot.Channels;
using Dunning.Bot.Channels.Telegram;
using Dunning.Bot.Conversations;
using Activity = Dunning.Bot.Conversations.Activity;
using Dunning.Bot.Storage;
using Dunning.Bot.Tests.Fakes.Telegram;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dunning.Bot.Benchmarks;

/// <summary>
/// Proactive reminders through the Telegram channel as the host wires it (real Telegram.Bot client, the channel's
/// pacing) against the fake Bot API server enforcing Telegram's limits (30/s overall, 1/s per chat):
/// <c>telegram-send --chats 1000 [--concurrency 100]</c>. Reports messages per second and how many Telegram refused with 429.
/// </summary>
internal sealed class TelegramSendScenario : IScenario
{
    public string Name => "telegram-send";

    public async Task RunAsync(BenchmarkArgs args, CancellationToken cancellationToken)
    {
        var chats = args.Int("chats", 1000);
        var concurrency = args.Int("concurrency", 100);
        await using var server = await FakeTelegramServer.StartAsync(new FakeTelegramOptions(), cancellationToken);
        var users = Enumerable.Range(1, chats).Select(i => new FakeUser(10_000_000 + i, $"Debtor {i}", LanguageCode: "de")).ToArray();
        foreach (var user in users)
            server.RegisterPrivateChat(user);

        var folder = Directory.CreateTempSubdirectory("dunning-bench-telegram-");
        try
        {
            await using var app = Build(server, Path.Combine(folder.FullName, "dunning.db"));
            var channel = app.Services.GetServices<IProactiveChannel>().Single(c => c.ChannelId == "telegram");
            var outcomes = new DeliveryStatus[chats];
            var next = -1;
            var clock = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, Math.Min(concurrency, chats)).Select(async _ =>
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < chats)
                {
                    var reference = new ConversationReference
                    {
                        ChannelId = "telegram",
                        Conversation = new ConversationAccount(users[i].Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                    };
                    var reminder = Activity.CreateMessage($"Guten Tag, {users[i].FirstName}: die Rechnung RE-2026-{i:D4} über 240,00 € ist seit 14 Tagen fällig.");
                    outcomes[i] = (await channel.SendAsync(reference, [reminder], cancellationToken)).Status;
                }
            }));
            clock.Stop();

            var delivered = outcomes.Count(o => o == DeliveryStatus.Delivered);
            Report.Line(Name, new
            {
                chats,
                concurrency,
                delivered,
                rejected_429 = server.Calls.Count(c => c.StatusCode == 429),
                max_in_any_second = MaxInAnySecond(server.SentMessages.Select(m => m.SentAt)),
                seconds = Math.Round(clock.Elapsed.TotalSeconds, 2),
                messages_per_second = Math.Round(delivered / clock.Elapsed.TotalSeconds, 2),
                peak_mb = Report.PeakMemoryMb(),
            });
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>The most messages the server accepted within any one second (Telegram's window).</summary>
    private static int MaxInAnySecond(IEnumerable<DateTimeOffset> times)
    {
        var at = times.Order().ToArray();
        var max = 0;
        for (int first = 0, last = 0; last < at.Length; last++)
        {
            while (at[last] - at[first] >= TimeSpan.FromSeconds(1))
                first++;
            max = Math.Max(max, last - first + 1);
        }
        return max;
    }

    private static WebApplication Build(FakeTelegramServer server, string databasePath)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Path"] = databasePath,
            ["Telegram:Token"] = server.Token,
            ["Telegram:ApiBaseUrl"] = server.BaseUrl.ToString(),
        });
        builder.Logging.ClearProviders();
        builder.AddDunningServices();
        builder.AddTelegram();
        // Not started: only the sending side is measured, no polling.
        return builder.Build();
    }
}

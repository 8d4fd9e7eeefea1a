using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Scheduling;
using Dunning.Bot.Tests.EndToEnd;
using Microsoft.Extensions.DependencyInjection;

namespace Dunning.Bot.Tests.Security;

/// <summary>
/// One debtor in three web chats at once (two tabs and a phone) while the schedule sweeps: every turn writes the same
/// case and invoice. A version conflict is retried on fresh data, so no turn fails and no change is lost.
/// </summary>
public sealed class Concurrent_turns_of_one_debtor_never_fail : IDisposable
{
    private const int Turns = 50;
    private const string ErrorReply = "Entschuldigung, bei uns ist gerade etwas schiefgegangen.";

    private readonly Microsoft.Extensions.Time.Testing.FakeTimeProvider clock = EndToEndHost.NewClock();
    private readonly Infrastructure.BotHost host;

    public Concurrent_turns_of_one_debtor_never_fail() =>
        host = EndToEndHost.Start(clock, settings: new() { ["WebChat:PerConversation:PermitLimit"] = "0" });

    [Fact]
    public async Task Fifty_turns_from_three_conversations_during_sweeps_all_succeed_and_every_change_is_kept()
    {
        using var owner = host.Owner();
        var debtor = await owner.DebtorWithInvoiceAsync("K-500", "Erika Mustermann", "de", "RE-2026-500", 900m);
        var chats = new List<WebChatter>();
        for (var i = 0; i < 3; i++)
        {
            var chat = await WebChatter.OpenAsync(host.CreateHttpClient());
            Assert.NotEmpty(await chat.JoinAsync(debtor.LinkToken, "de-DE"));
            chats.Add(chat);
        }
        var sweep = host.Services.GetRequiredService<ScheduleSweep>();
        var cases = host.Services.GetRequiredService<ICaseStore>();
        using var stop = new CancellationTokenSource();
        // The sweep, and the owner's systems asking the schedule to look at the case again and again (as an ERP
        // re-sending its invoices would): both write the case while the turns do.
        var sweeping = Task.Run(async () =>
        {
            var sweeps = 0;
            for (; !stop.IsCancellationRequested; sweeps++)
                await sweep.SweepAsync(CancellationToken.None);
            return sweeps;
        });
        var touching = Enumerable.Range(0, 3).Select(_ => Task.Run(async () =>
        {
            // A few hundred writes a second between them: heavy contention, but not three threads starving every
            // other writer on two cores, which made the test depend on the machine's load rather than on the retries.
            while (!stop.IsCancellationRequested)
            {
                await cases.TouchAsync(debtor.Id, clock.GetUtcNow(), CancellationToken.None);
                await Task.Delay(5, CancellationToken.None);
            }
        })).ToList();

        var replies = await Task.WhenAll(chats.Select((chat, c) => Task.Run(async () =>
        {
            var texts = new List<string>();
            for (var turn = c; turn < Turns; turn += chats.Count)
                texts.AddRange((await chat.SayAsync($"Ich habe am {1 + turn % 10}.11.2026 {100 + turn} Euro überwiesen.")).Select(WebChatter.Text));
            return texts;
        })));
        await stop.CancelAsync();
        Assert.True(await sweeping > 0);
        await Task.WhenAll(touching);

        var all = replies.SelectMany(r => r).ToList();
        Assert.DoesNotContain(all, t => t.StartsWith(ErrorReply, StringComparison.Ordinal));
        var dunningCase = await host.Services.GetRequiredService<ICaseStore>().FindAsync(debtor.Id, CancellationToken.None);
        var claims = dunningCase!.History.Where(a => a.Kind == CaseActionKinds.ClaimedPaid).Select(a => a.Summary).ToList();
        Assert.Equal(Turns, claims.Count);
        Assert.Equal(Turns, claims.Distinct().Count());
    }

    public void Dispose() => host.Dispose();
}

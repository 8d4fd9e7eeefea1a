using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Tests.EndToEnd;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Dunning.Bot.Tests.Security;

/// <summary>
/// The real host over Direct Line on loopback: a guesser who opens a new conversation (a new tab, a private window)
/// after every five wrong codes gains nothing — the back-off belongs to the address, not to the conversation — and
/// the owner hears about it.
/// </summary>
public sealed class Guessing_access_codes_is_slowed_down_across_conversations : IDisposable
{
    private const string WrongCode = "Dieser Code passt leider nicht.";
    private const string CoolDown = "Zu Ihrer Sicherheit prüfe ich nach mehreren falschen Versuchen 15 Minuten lang keinen Code.";

    private readonly Microsoft.Extensions.Time.Testing.FakeTimeProvider clock = EndToEndHost.NewClock();
    private readonly RecordingNotifier notifier = new();
    private readonly Infrastructure.BotHost host;

    public Guessing_access_codes_is_slowed_down_across_conversations()
    {
        // The per-address start limit (a minute of wall-clock time) is off here: this test is about the code back-off.
        var settings = EndToEndHost.Settings(new() { ["WebChat:StartsPerIp:PermitLimit"] = "0" });
        host = new Infrastructure.BotHost(settings, clock: clock,
            services: s => s.Replace(ServiceDescriptor.Singleton<IOwnerNotifier>(notifier)));
    }

    [Fact]
    public async Task Fifty_conversations_of_five_wrong_codes_each_keep_even_the_right_code_out_until_the_back_off_ends()
    {
        using var owner = host.Owner();
        var debtor = await owner.DebtorWithInvoiceAsync("K-900", "Erika Mustermann", "de", "RE-2026-900", 300m);
        var answers = new List<string>();
        for (var conversation = 0; conversation < 50; conversation++)
        {
            var chat = await WebChatter.OpenAsync(host.CreateHttpClient());
            Assert.Single(await chat.JoinAsync(null, "de-DE"));
            for (var attempt = 0; attempt < 5; attempt++)
                answers.Add(await chat.AskAsync($"WXYZ{conversation * 5 + attempt + 1000}"));
        }

        Assert.All(answers.Take(4), a => Assert.StartsWith(WrongCode, a, StringComparison.Ordinal));
        Assert.All(answers.Skip(4), a => Assert.StartsWith(CoolDown, a, StringComparison.Ordinal));
        var last = await WebChatter.OpenAsync(host.CreateHttpClient());
        Assert.Single(await last.JoinAsync(null, "de-DE"));
        clock.Advance(TimeSpan.FromMinutes(14));
        Assert.StartsWith(CoolDown, await last.AskAsync(debtor.AccessCode), StringComparison.Ordinal);
        var conversations = host.Services.GetRequiredService<IConversationStore>();
        Assert.Empty(await conversations.ListByDebtorAsync(debtor.Id, CancellationToken.None));

        var alert = Assert.Single(notifier.Alerts);
        Assert.Equal((EscalationReason.SecretGuessing, EscalationPriority.High), (alert.Reason, alert.Priority));
        Assert.Contains("127.0.0.1", alert.Summary, StringComparison.Ordinal);

        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.StartsWith("Guten Tag, Erika Mustermann!", await last.AskAsync(debtor.AccessCode), StringComparison.Ordinal);
        Assert.Single(await conversations.ListByDebtorAsync(debtor.Id, CancellationToken.None));
    }

    [Fact]
    public async Task The_next_round_of_wrong_codes_doubles_the_back_off()
    {
        using var owner = host.Owner();
        await owner.DebtorWithInvoiceAsync("K-901", "Erika Mustermann", "de", "RE-2026-901", 300m);
        var chat = await WebChatter.OpenAsync(host.CreateHttpClient());
        Assert.Single(await chat.JoinAsync(null, "de-DE"));
        for (var attempt = 0; attempt < 5; attempt++)
            await chat.AskAsync($"WXYZ{attempt + 2000}");
        clock.Advance(TimeSpan.FromMinutes(15));

        var again = await WebChatter.OpenAsync(host.CreateHttpClient());
        Assert.Single(await again.JoinAsync(null, "de-DE"));
        for (var attempt = 0; attempt < 4; attempt++)
            Assert.StartsWith(WrongCode, await again.AskAsync($"WXYZ{attempt + 3000}"), StringComparison.Ordinal);

        Assert.StartsWith("Zu Ihrer Sicherheit prüfe ich nach mehreren falschen Versuchen 30 Minuten lang keinen Code.",
            await again.AskAsync("WXYZ3999"), StringComparison.Ordinal);
    }

    public void Dispose() => host.Dispose();
}

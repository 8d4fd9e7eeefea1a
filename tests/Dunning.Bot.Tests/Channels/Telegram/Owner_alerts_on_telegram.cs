using Dunning.Bot.Channels.Telegram;
using Dunning.Bot.Conversations;
using Dunning.Bot.Core.Cases;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Tests.EndToEnd;
using Dunning.Bot.Tests.Fakes.Telegram;
using Dunning.Bot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Dunning.Bot.Tests.Channels.Telegram;

/// <summary>
/// The owner binds a private Telegram chat with Telegram:OwnerLinkCode and gets escalation alerts there: the real host
/// (console notifier in front, Telegram notifier behind) polls the fake Bot API server with the real Telegram.Bot client.
/// </summary>
public sealed class Owner_alerts_on_telegram : IAsyncLifetime
{
    private const string Code = "Own3r-Link-Code_7QX2";
    private const string PublicBaseUrl = "https://bot.example.org/";
    private static readonly FakeUser Olga = new(777001, "Olga", "Inhaber", "olga_i", "de");
    private static readonly FakeUser Ben = new(777002, "Ben", LanguageCode: "en");
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    private readonly CancellationTokenSource timeout = new(TimeSpan.FromSeconds(90));
    private FakeTelegramServer server = null!;
    private BotHost host = null!;
    private OwnerApi owner = null!;

    public async Task InitializeAsync()
    {
        server = await FakeTelegramServer.StartAsync(new FakeTelegramOptions(), timeout.Token);
        host = EndToEndHost.Start(TimeProvider.System, settings: new()
        {
            ["Telegram:Token"] = server.Token,
            ["Telegram:ApiBaseUrl"] = server.BaseUrl.ToString(),
            ["Telegram:PollingTimeout"] = "00:00:01",
            ["Telegram:OwnerLinkCode"] = Code,
            ["Bot:PublicBaseUrl"] = PublicBaseUrl,
        });
        owner = host.Owner();
        await server.WaitUntilAsync(s => s.Calls.Any(c => c.Method == "deleteWebhook" && c.StatusCode == 200), Wait, timeout.Token);
    }

    private ITelegramStore Store => host.Services.GetRequiredService<ITelegramStore>();

    [Fact]
    public async Task The_right_code_binds_the_private_chat_and_an_escalation_then_alerts_it_with_a_console_link()
    {
        var bound = Assert.Single(await SayAsync(Olga, "/owner " + Code));
        Assert.Equal("Dieser Chat erhält jetzt die Eskalationsmeldungen von Dunning.Bot. Senden Sie den Inhaber-Code in einem anderen privaten Chat, um sie dorthin zu verlegen.", bound.VisibleText);
        Assert.Equal((Olga.Id, "de"), (Store.FindOwner()!.ChatId, Store.FindOwner()!.Language));

        var debtor = await owner.DebtorWithInvoiceAsync("K-900", "Anna Berger", "de", "RE-2026-900", 480m);
        var before = Count(Olga);
        var escalation = await host.Services.GetRequiredService<EscalationDesk>()
            .RaiseAsync(debtor.Id, EscalationReason.Dispute, "Die Lieferung war unvollständig", ["RE-2026-900"], null, timeout.Token);

        var alert = Assert.Single(await RepliesAsync(Olga, before, 1));
        Assert.Equal(EscalationReason.Dispute, escalation.Reason);
        var prefix = escalation.Priority switch
        {
            EscalationPriority.Urgent => "DRINGEND – ",
            EscalationPriority.High => "Wichtig – ",
            _ => "",
        };
        Assert.StartsWith(prefix + "Anna Berger braucht einen Menschen (Dispute): ", alert.VisibleText, StringComparison.Ordinal);
        Assert.Contains($"https://bot.example.org/console/cases/{Uri.EscapeDataString(debtor.Id)}", alert.VisibleText, StringComparison.Ordinal);
        Assert.DoesNotContain(Code, alert.VisibleText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_code_binds_nothing_reveals_nothing_and_alerts_go_nowhere()
    {
        var debtor = await owner.DebtorWithInvoiceAsync("K-901", "Anna Berger", "de", "RE-2026-901", 300m);
        var wrong = Assert.Single(await SayAsync(Olga, "/owner " + Code + "x"));
        var oversized = Assert.Single(await SayAsync(Olga, "/owner " + new string('A', 4000)));
        var empty = Assert.Single(await SayAsync(Olga, "/owner"));

        Assert.All([wrong, oversized, empty], r => Assert.Equal("Dieser Code ist nicht gültig. Es wurde nichts geändert.", r.VisibleText));
        Assert.Null(Store.FindOwner());
        var before = server.SentMessages.Count;
        await host.Services.GetRequiredService<EscalationDesk>().RaiseAsync(debtor.Id, EscalationReason.RequestHuman, null, null, null, timeout.Token);
        await Task.Delay(1500, timeout.Token);
        Assert.Equal(before, server.SentMessages.Count);
    }

    [Fact]
    public async Task After_five_wrong_codes_even_the_right_one_binds_nothing_for_a_while()
    {
        for (var i = 0; i < 5; i++)
            Assert.Single(await SayAsync(Olga, $"/owner guess-number-{i}-abcdef"));

        var refused = Assert.Single(await SayAsync(Olga, "/owner " + Code));
        Assert.Equal("Dieser Code ist nicht gültig. Es wurde nichts geändert.", refused.VisibleText);
        Assert.NotEmpty(await SayAsync(Olga, Code));
        Assert.Null(Store.FindOwner());
    }

    [Fact]
    public async Task The_bare_code_binds_too_and_the_latest_chat_wins()
    {
        var first = Assert.Single(await SayAsync(Ben, "  " + Code + "\n"));
        Assert.StartsWith("This chat now receives the escalation alerts", first.VisibleText, StringComparison.Ordinal);
        Assert.Equal((Ben.Id, "en"), (Store.FindOwner()!.ChatId, Store.FindOwner()!.Language));

        Assert.Single(await SayAsync(Olga, Code));

        Assert.Equal(Olga.Id, Store.FindOwner()!.ChatId);
        var beforeBen = Count(Ben);
        var beforeOlga = Count(Olga);
        await host.Services.GetRequiredService<IOwnerNotifier>().NotifyAsync(new OwnerAlert("K-1", "Muster GmbH",
            EscalationReason.Hardship, EscalationPriority.High, "Arbeitslos seit Oktober", null, TimeProvider.System.GetUtcNow()), timeout.Token);
        var alert = Assert.Single(await RepliesAsync(Olga, beforeOlga, 1));
        Assert.StartsWith("Wichtig – Muster GmbH braucht einen Menschen (Hardship): Arbeitslos seit Oktober", alert.VisibleText, StringComparison.Ordinal);
        Assert.Equal(beforeBen, Count(Ben));
    }

    [Fact]
    public async Task The_code_in_a_group_binds_nothing_and_gets_only_the_private_chat_notice()
    {
        const long group = -100777888;
        var before = server.SentMessages.Count;
        server.EnqueueGroupMessage(Olga, group, "Büro", "/owner " + Code);
        server.EnqueueGroupMessage(Olga, group, "Büro", Code, type: "supergroup");
        await server.WaitUntilAsync(s => s.SentMessages.Count >= before + 2, Wait, timeout.Token);
        await Task.Delay(500, timeout.Token);

        var notices = server.SentMessages.Skip(before).ToList();
        Assert.Equal(2, notices.Count);
        Assert.All(notices, n => Assert.Equal(group, n.ChatId));
        Assert.All(notices, n => Assert.DoesNotContain("Eskalation", n.VisibleText, StringComparison.Ordinal));
        Assert.Null(Store.FindOwner());
    }

    [Fact]
    public async Task The_code_never_reaches_the_bot_or_the_transcript()
    {
        Assert.NotEmpty(await SayAsync(Olga, "Hallo"));
        Assert.Single(await SayAsync(Olga, "/owner " + Code));
        Assert.Single(await SayAsync(Olga, Code));
        Assert.Single(await SayAsync(Olga, "/owner wrong-but-secretish-123"));
        Assert.NotEmpty(await SayAsync(Olga, "Danke"));

        var key = BotAdapter.ConversationKey(TelegramActivities.ChannelId, Olga.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var entries = await host.Services.GetRequiredService<ITranscriptStore>().ListAsync(key, null, 1000, timeout.Token);
        var inbound = entries.Where(e => e.Direction == TranscriptDirection.Inbound).Select(e => e.Text).ToList();
        Assert.Equal(["Hallo", "Danke"], inbound);
        Assert.All(entries, e => Assert.DoesNotContain(Code, e.Text ?? "", StringComparison.Ordinal));
        Assert.All(entries, e => Assert.DoesNotContain("secretish", e.Text ?? "", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_blocked_owner_chat_makes_the_alert_fail_quietly_and_the_escalation_still_stands()
    {
        Assert.Single(await SayAsync(Olga, "/owner " + Code));
        var debtor = await owner.DebtorWithInvoiceAsync("K-902", "Anna Berger", "de", "RE-2026-902", 90m);
        server.BlockBot(Olga.Id);
        var before = server.SentMessages.Count;

        var escalation = await host.Services.GetRequiredService<EscalationDesk>()
            .RaiseAsync(debtor.Id, EscalationReason.Hardship, null, null, null, timeout.Token);

        Assert.Equal(debtor.Id, escalation.DebtorId);
        Assert.Single(await host.Services.GetRequiredService<IEscalationStore>().ListByDebtorAsync(debtor.Id, timeout.Token));
        Assert.Equal(before, server.SentMessages.Count);
        Assert.Contains(server.Calls, c => c.Method == "sendMessage" && c.StatusCode == 403);
    }

    [Theory]
    [InlineData("short-code")]
    [InlineData("   eleven-ch   ")]
    public void A_short_owner_link_code_is_refused_at_start_up_without_printing_it(string code)
    {
        var problems = TelegramOptionsValidation.Problems(new TelegramOptions { OwnerLinkCode = code });

        var problem = Assert.Single(problems);
        Assert.Equal("Telegram:OwnerLinkCode must have at least 12 characters (it is a secret).", problem);
        Assert.Empty(TelegramOptionsValidation.Problems(new TelegramOptions { OwnerLinkCode = Code }));
    }

    private int Count(FakeUser user) => server.SentMessages.Count(m => m.ChatId == user.Id);

    private async Task<IReadOnlyList<SentMessage>> SayAsync(FakeUser user, string text, int expect = 1)
    {
        var before = Count(user);
        server.EnqueueMessage(user, text);
        return await RepliesAsync(user, before, expect);
    }

    private async Task<IReadOnlyList<SentMessage>> RepliesAsync(FakeUser user, int before, int expect)
    {
        await server.WaitUntilAsync(s => s.SentMessages.Count(m => m.ChatId == user.Id) >= before + expect, Wait, timeout.Token);
        // Let the turn finish (a second message of the same turn, the saved state) before the next step.
        await Task.Delay(300, timeout.Token);
        return [.. server.SentMessages.Where(m => m.ChatId == user.Id).Skip(before)];
    }

    public async Task DisposeAsync()
    {
        owner.Dispose();
        host.Dispose();
        await server.DisposeAsync();
        timeout.Dispose();
    }
}

using System.Text.Json.Nodes;
using Dunning.Bot.Core.Chat;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Tests.Fakes.Telegram;
using Dunning.Bot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Dunning.Bot.Tests.EndToEnd;

/// <summary>
/// DunningBot on Telegram: the real host polls a fake Telegram Bot API server with the real Telegram.Bot client
/// (the system clock: the channel's send gate waits on it). Debtors are seeded through the owner API.
/// </summary>
public sealed class The_real_bot_over_telegram : IAsyncLifetime
{
    private static readonly FakeUser Anna = new(424242, "Anna", "Berger", "anna_b", "de");
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    private readonly CancellationTokenSource timeout = new(TimeSpan.FromSeconds(90));
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("dunning-e2e-telegram-");
    private FakeTelegramServer server = null!;
    private BotHost host = null!;
    private OwnerApi owner = null!;

    public async Task InitializeAsync()
    {
        server = await FakeTelegramServer.StartAsync(new FakeTelegramOptions(), timeout.Token);
        await StartHostAsync();
    }

    private async Task StartHostAsync()
    {
        var connected = Connections();
        host = EndToEndHost.Start(TimeProvider.System, Path.Combine(folder.FullName, "dunning.db"), new()
        {
            ["Telegram:Token"] = server.Token,
            ["Telegram:ApiBaseUrl"] = server.BaseUrl.ToString(),
            ["Telegram:PollingTimeout"] = "00:00:01",
        });
        owner = host.Owner();
        // Connected once the receiver dropped any webhook and started polling.
        await server.WaitUntilAsync(_ => Connections() > connected, Wait, timeout.Token);
    }

    private int Connections() => server.Calls.Count(c => c.Method == "deleteWebhook" && c.StatusCode == 200);

    [Fact]
    public async Task A_start_link_binds_the_chat_then_questions_buttons_and_human_are_answered()
    {
        var debtor = await owner.DebtorWithInvoiceAsync("K-300", "Anna Berger", "de", "RE-2026-300", 1200m);

        var greeting = Assert.Single(await SayAsync(Anna, "/start " + debtor.LinkToken));
        Assert.StartsWith("Guten Tag, Anna Berger! Schön, dass Sie sich melden. Ihr Chat ist jetzt mit Ihrem Kundenkonto verbunden.", greeting.VisibleText, StringComparison.Ordinal);
        Assert.Contains("1.200,00 €", greeting.VisibleText, StringComparison.Ordinal);
        await LinkedAsync(Anna, l => l.DebtorId == debtor.Id);

        var balance = Assert.Single(await SayAsync(Anna, "Wie viel muss ich noch zahlen?"));
        Assert.Contains("RE-2026-300", balance.VisibleText, StringComparison.Ordinal);
        Assert.Contains("1.200,00 €", balance.VisibleText, StringComparison.Ordinal);

        var offer = Assert.Single(await SayAsync(Anna, "Kann ich in 12 Raten zahlen?"));
        Assert.StartsWith("Ich kann selbst höchstens 6 Raten vereinbaren.", offer.VisibleText, StringComparison.Ordinal);
        var buttons = Buttons(offer);
        var claim = await OpenClaim.OfAsync(host.Services, debtor.Id);
        Assert.StartsWith($"6 Raten zu {OpenClaim.Euros(OpenClaim.FirstInstalment(claim, 6), "de")} ab ", buttons[0].Text, StringComparison.Ordinal);
        Assert.Equal("Team fragen", buttons[^1].Text);
        var confirm = Assert.Single(await PressAsync(Anna, offer, buttons[0].Data));
        Assert.EndsWith("Soll ich das so festhalten?", confirm.VisibleText, StringComparison.Ordinal);
        Assert.Equal(["Ja", "Nein"], Buttons(confirm).Select(b => b.Text));
        var agreed = Assert.Single(await PressAsync(Anna, confirm, Buttons(confirm)[0].Data));
        Assert.StartsWith("Einverstanden, ich habe die Vereinbarung zur Rechnung RE-2026-300 festgehalten.", agreed.VisibleText, StringComparison.Ordinal);
        var agreement = Assert.Single(await host.Services.GetRequiredService<IAgreementStore>().ListByDebtorAsync(debtor.Id, CancellationToken.None));
        Assert.Equal((AgreementState.Active, AgreementKind.InstalmentPlan, 6, claim), (agreement.State, agreement.Kind, agreement.Schedule.Count, agreement.Amount));
        Assert.Null(server.CurrentReplyMarkup(Anna.Id, offer.MessageId));

        var human = Assert.Single(await SayAsync(Anna, "/human"));
        Assert.StartsWith("Gern. Ich habe Ihr Anliegen an jemanden aus unserem Team weitergegeben.", human.VisibleText, StringComparison.Ordinal);
        var escalation = Assert.Single(await host.Services.GetRequiredService<IEscalationStore>().ListByDebtorAsync(debtor.Id, CancellationToken.None));
        Assert.Equal(EscalationReason.RequestHuman, escalation.Reason);
        await LinkedAsync(Anna, l => l.Handoff == HandoffState.Pending);
    }

    [Fact]
    public async Task Payment_details_come_as_text_and_a_giro_code_photo()
    {
        var debtor = await owner.DebtorWithInvoiceAsync("K-330", "Anna Berger", "de", "RE-2026-330", 250m);
        Assert.Single(await SayAsync(Anna, "/start " + debtor.LinkToken));

        var details = Assert.Single(await SayAsync(Anna, "Wie ist Ihre Bankverbindung?"));
        await server.WaitUntilAsync(s => s.SentFiles.Any(f => f.ChatId == Anna.Id), Wait, timeout.Token);

        Assert.Contains("DE89 3704 0044 0532 0130 00", details.VisibleText, StringComparison.Ordinal);
        Assert.Contains("RE-2026-330", details.VisibleText, StringComparison.Ordinal);
        var photo = Assert.Single(server.SentFiles, f => f.ChatId == Anna.Id);
        Assert.Equal("photo", photo.Kind);
        var (width, height) = PngFile.Decode(photo.Content!);
        Assert.Equal(width, height);
    }

    [Fact]
    public async Task A_button_pressed_after_a_restart_answers_the_offer_it_belongs_to()
    {
        var debtor = await owner.DebtorWithInvoiceAsync("K-340", "Anna Berger", "de", "RE-2026-340", 1200m);
        Assert.Single(await SayAsync(Anna, "/start " + debtor.LinkToken));
        var offer = Assert.Single(await SayAsync(Anna, "Kann ich in 12 Raten zahlen?"));
        var pick = Buttons(offer)[0];
        await LinkedAsync(Anna, l => l.DebtorId == debtor.Id);

        owner.Dispose();
        host.Dispose();
        await StartHostAsync();
        var confirm = Assert.Single(await PressAsync(Anna, offer, pick.Data));
        var agreed = Assert.Single(await PressAsync(Anna, confirm, Buttons(confirm)[0].Data));

        Assert.StartsWith("Einverstanden, ich habe die Vereinbarung zur Rechnung RE-2026-340 festgehalten.", agreed.VisibleText, StringComparison.Ordinal);
        Assert.Contains($"6 Raten, insgesamt {OpenClaim.Euros(await OpenClaim.OfAsync(host.Services, debtor.Id), "de")}", agreed.VisibleText, StringComparison.Ordinal);
        var agreement = Assert.Single(await host.Services.GetRequiredService<IAgreementStore>().ListByDebtorAsync(debtor.Id, CancellationToken.None));
        Assert.Equal((AgreementState.Active, 6), (agreement.State, agreement.Schedule.Count));
    }

    [Fact]
    public async Task In_a_group_the_bot_only_says_it_talks_in_private_and_links_nothing()
    {
        var debtor = await owner.DebtorWithInvoiceAsync("K-310", "Anna Berger", "de", "RE-2026-310", 300m);
        const long group = -100200300;

        var before = server.SentMessages.Count;
        server.EnqueueGroupMessage(Anna, group, "Familie Berger", "/start " + debtor.LinkToken);
        await server.WaitUntilAsync(s => s.SentMessages.Count > before, Wait, timeout.Token);
        server.EnqueueGroupMessage(Anna, group, "Familie Berger", "Wie viel muss ich noch zahlen?");
        await server.WaitUntilAsync(s => s.SentMessages.Count > before + 1, Wait, timeout.Token);
        await Task.Delay(500, timeout.Token);

        var notices = server.SentMessages.Skip(before).ToList();
        Assert.Equal(2, notices.Count);
        Assert.All(notices, n => Assert.Equal((group, "Zum Schutz Ihrer Daten spreche ich über Rechnungen nur im privaten Chat. Bitte schreiben Sie mir direkt."), (n.ChatId, n.VisibleText)));
        Assert.Empty(await host.Services.GetRequiredService<IConversationStore>().ListByDebtorAsync(debtor.Id, CancellationToken.None));
    }

    [Fact]
    public async Task A_bound_chat_refuses_another_debtors_link()
    {
        var anna = await owner.DebtorWithInvoiceAsync("K-320", "Anna Berger", "de", "RE-2026-320", 300m);
        var other = await owner.DebtorWithInvoiceAsync("K-321", "Otto Fremd", "de", "RE-2026-321", 900m);
        Assert.Single(await SayAsync(Anna, "/start " + anna.LinkToken));
        await LinkedAsync(Anna, l => l.DebtorId == anna.Id);

        var refused = Assert.Single(await SayAsync(Anna, "/start " + other.LinkToken));

        Assert.Equal("Dieser Chat ist bereits mit einem anderen Kundenkonto verbunden. Aus Datenschutzgründen gehört ein Chat immer zu genau einem Konto – bitte öffnen Sie für das andere Konto einen eigenen Chat.", refused.VisibleText);
        Assert.DoesNotContain("Otto", refused.VisibleText, StringComparison.Ordinal);
        Assert.Equal(anna.Id, (await Link(Anna))!.DebtorId);
        Assert.Empty(await host.Services.GetRequiredService<IConversationStore>().ListByDebtorAsync(other.Id, CancellationToken.None));
    }

    /// <summary>Sends a private message and returns the bot's messages to that chat once <paramref name="expect"/> arrived.</summary>
    private async Task<IReadOnlyList<SentMessage>> SayAsync(FakeUser user, string text, int expect = 1)
    {
        var before = server.SentMessages.Count(m => m.ChatId == user.Id);
        server.EnqueueMessage(user, text);
        return await RepliesAsync(user, before, expect);
    }

    private async Task<IReadOnlyList<SentMessage>> PressAsync(FakeUser user, SentMessage message, string data, int expect = 1)
    {
        var before = server.SentMessages.Count(m => m.ChatId == user.Id);
        server.EnqueueCallbackQuery(user, message.MessageId, data);
        return await RepliesAsync(user, before, expect);
    }

    private async Task<IReadOnlyList<SentMessage>> RepliesAsync(FakeUser user, int before, int expect)
    {
        await server.WaitUntilAsync(s => s.SentMessages.Count(m => m.ChatId == user.Id) >= before + expect, Wait, timeout.Token);
        return [.. server.SentMessages.Where(m => m.ChatId == user.Id).Skip(before)];
    }

    private static (string Text, string Data)[] Buttons(SentMessage message) =>
        [.. message.ReplyMarkup!["inline_keyboard"]!.AsArray().SelectMany(row => row!.AsArray())
            .Select(b => (b!["text"]!.GetValue<string>(), b["callback_data"]!.GetValue<string>()))];

    private Task<ConversationLink?> Link(FakeUser user) =>
        host.Services.GetRequiredService<IConversationStore>().FindAsync($"telegram/{user.Id}", CancellationToken.None);

    /// <summary>Waits until the chat's stored link satisfies <paramref name="condition"/>: it is saved when the turn ends, after the replies went out.</summary>
    private async Task LinkedAsync(FakeUser user, Func<ConversationLink, bool> condition)
    {
        var deadline = TimeProvider.System.GetUtcNow() + Wait;
        while (await Link(user) is not { } link || !condition(link))
        {
            Assert.True(TimeProvider.System.GetUtcNow() < deadline, "The conversation link never reached the expected state.");
            await Task.Delay(50, timeout.Token);
        }
    }

    public async Task DisposeAsync()
    {
        owner.Dispose();
        host.Dispose();
        await server.DisposeAsync();
        timeout.Dispose();
        try
        {
            folder.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a stopping thread; the OS cleans the temp folder.
        }
    }
}

using Dunning.Bot.Conversations;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Storage;
using Dunning.Bot.Storage.LiteDb;

namespace Dunning.Bot.Tests.Storage;

/// <summary>LiteConversationStore (versioned, by debtor, handed-off) and LiteTranscriptStore (ordered, paged, by debtor).</summary>
public sealed class Conversations_and_transcripts_are_stored : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);
    private readonly LiteDbContext context = new(new MemoryStream());

    public void Dispose() => context.Dispose();

    private static ConversationLink NewLink(string id) => new()
    {
        Key = ConversationLink.KeyFor("telegram", id),
        Channel = "telegram",
        Reference = new ConversationReference { ChannelId = "telegram", Conversation = new ConversationAccount(id), ServiceUrl = "https://api.telegram.org/" },
    };

    [Fact]
    public async Task A_link_round_trips_exactly()
    {
        var store = new LiteConversationStore(context);
        var link = NewLink("42");
        link.LinkTo("D-1", T0);
        (link.Language, link.FailedCodeAttempts, link.CodeCooldownUntil, link.Handoff, link.HandoffOwner, link.LastInboundAt) =
            ("en", 2, T0.AddMinutes(15), HandoffState.Human, "staff:anna", T0.AddTicks(1));
        await store.SaveAsync(link, CancellationToken.None);

        var read = (await store.FindAsync(link.Key, CancellationToken.None))!;
        Assert.Equal((link.DebtorId, link.LinkedAt, link.Language, link.FailedCodeAttempts, link.CodeCooldownUntil, link.Handoff, link.HandoffOwner, link.LastInboundAt, 1),
            (read.DebtorId, read.LinkedAt, read.Language, read.FailedCodeAttempts, read.CodeCooldownUntil, read.Handoff, read.HandoffOwner, read.LastInboundAt, read.Version));
        Assert.Equal("42", read.Reference.Conversation!.Id);
        Assert.Equal("https://api.telegram.org/", read.Reference.ServiceUrl);
    }

    [Fact]
    public async Task A_stale_link_save_is_a_conflict_and_changes_nothing()
    {
        var store = new LiteConversationStore(context);
        await store.SaveAsync(NewLink("1"), CancellationToken.None);
        var console = (await store.FindAsync("telegram/1", CancellationToken.None))!;
        var bot = (await store.FindAsync("telegram/1", CancellationToken.None))!;
        console.Handoff = HandoffState.Human;
        await store.SaveAsync(console, CancellationToken.None);
        bot.Language = "en";
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.SaveAsync(bot, CancellationToken.None));
        var stored = (await store.FindAsync("telegram/1", CancellationToken.None))!;
        Assert.Equal((HandoffState.Human, "de"), (stored.Handoff, stored.Language));
    }

    [Fact]
    public async Task Links_are_listed_by_debtor_and_by_handoff()
    {
        var store = new LiteConversationStore(context);
        foreach (var (id, debtor, handoff, inbound) in new[] { ("1", "D-1", HandoffState.Bot, 1), ("2", "D-1", HandoffState.Pending, 3), ("3", "D-2", HandoffState.Human, 2), ("4", null, HandoffState.Bot, 4) })
        {
            var link = NewLink(id);
            if (debtor is not null)
                link.LinkTo(debtor, T0);
            (link.Handoff, link.LastInboundAt) = (handoff, T0.AddMinutes(inbound));
            await store.SaveAsync(link, CancellationToken.None);
        }
        Assert.Equal(["telegram/2", "telegram/1"], (await store.ListByDebtorAsync("D-1", CancellationToken.None)).Select(l => l.Key));
        Assert.Equal(["telegram/2", "telegram/3"], (await store.ListHandedOffAsync(CancellationToken.None)).Select(l => l.Key).Order());
    }

    [Fact]
    public async Task Transcripts_keep_append_order_page_forward_and_list_a_debtors_latest()
    {
        var store = new LiteTranscriptStore(context);
        for (var i = 0; i < 6; i++)
        {
            await store.AppendAsync(new TranscriptEntry("telegram/1", i < 2 ? null : "D-1", T0.AddSeconds(i / 2), i % 2 == 0 ? TranscriptDirection.Inbound : TranscriptDirection.Outbound, "message", $"m{i}")
            {
                Buttons = i == 1 ? ["Ja", "Nein"] : [],
                Attachments = i == 3 ? ["girocode.png"] : [],
                Value = i == 4 ? "{\"a\":1}" : null,
            }, CancellationToken.None);
        }
        await store.AppendAsync(new TranscriptEntry("webchat/9", "D-1", T0.AddSeconds(10), TranscriptDirection.Inbound, "message", "other chat"), CancellationToken.None);

        var all = await store.ListAsync("telegram/1", null, 100, CancellationToken.None);
        Assert.Equal(["m0", "m1", "m2", "m3", "m4", "m5"], all.Select(e => e.Text));
        Assert.Equal(["Ja", "Nein"], all[1].Buttons);
        Assert.Equal(["girocode.png"], all[3].Attachments);
        Assert.Equal("{\"a\":1}", all[4].Value);
        Assert.Equal(["m2", "m3"], (await store.ListAsync("telegram/1", T0, 2, CancellationToken.None)).Select(e => e.Text));
        Assert.Equal(["m4", "m5", "other chat"], (await store.ListByDebtorAsync("D-1", 3, CancellationToken.None)).Select(e => e.Text));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.ListAsync("telegram/1", null, 0, CancellationToken.None));
    }
}

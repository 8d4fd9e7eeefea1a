using System.Globalization;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Storage.LiteDb;
using LiteDB;

namespace Dunning.Bot.Tests.Storage;

/// <summary>
/// LiteTranscriptStore inside a unit of work: the entries a turn appends for one conversation and debtor are one
/// document (one insert a turn), and files written with one document per entry still read, page and purge as before.
/// </summary>
public sealed class A_turns_transcript_is_one_document : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly TempDatabase file = new();

    public void Dispose() => file.Dispose();

    private static TranscriptEntry Entry(string key, string? debtor, int minute, string text, TranscriptDirection direction = TranscriptDirection.Inbound) =>
        new(key, debtor, T0.AddMinutes(minute), direction, "message", text, "debtor") { Buttons = ["Ja"], Value = """{"a":1}""", ActivityId = "a" + minute };

    [Fact]
    public async Task A_turns_message_and_replies_are_written_as_one_document_in_order()
    {
        using var context = file.Open();
        var store = new LiteTranscriptStore(context);
        await CommitTurnAsync(context, store,
        [
            Entry("webchat/1", "D-1", 0, "Hallo"),
            Entry("webchat/1", "D-1", 0, "Guten Tag", TranscriptDirection.Outbound),
            Entry("webchat/1", "D-1", 1, "Was kann ich tun?", TranscriptDirection.Outbound),
        ]);

        Assert.Equal(1, context.Database.GetCollection(LiteTranscriptStore.CollectionName).Count());
        var entries = await store.ListAsync("webchat/1", null, 10, None);
        Assert.Equal(["Hallo", "Guten Tag", "Was kann ich tun?"], entries.Select(e => e.Text));
        Assert.Equal((TranscriptDirection.Outbound, T0.AddMinutes(1), "D-1", "Ja", """{"a":1}""", "a1"),
            (entries[2].Direction, entries[2].At, entries[2].DebtorId, entries[2].Buttons[0], entries[2].Value, entries[2].ActivityId));
        Assert.Equal(3, LiteTranscriptStore.CountEntries(context.Database));
    }

    [Fact]
    public async Task An_entry_for_another_debtor_or_conversation_starts_a_new_document_and_the_order_holds()
    {
        using var context = file.Open();
        var store = new LiteTranscriptStore(context);
        await CommitTurnAsync(context, store,
        [
            Entry("webchat/1", null, 0, "code"),
            Entry("webchat/1", "D-1", 1, "bound", TranscriptDirection.Outbound),
            Entry("telegram/1", "D-1", 2, "elsewhere"),
            Entry("webchat/1", "D-1", 3, "back"),
        ]);

        Assert.Equal(4, context.Database.GetCollection(LiteTranscriptStore.CollectionName).Count());
        Assert.Equal(["code", "bound", "back"], (await store.ListAsync("webchat/1", null, 10, None)).Select(e => e.Text));
        Assert.Equal(["bound", "elsewhere", "back"], (await store.ListByDebtorAsync("D-1", 10, None)).Select(e => e.Text));
        Assert.Equal(["elsewhere", "back"], (await store.ListByDebtorAsync("D-1", 2, None)).Select(e => e.Text));
    }

    [Fact]
    public async Task A_discarded_unit_writes_no_entry()
    {
        using var context = file.Open();
        var store = new LiteTranscriptStore(context);
        using (context.BeginUnitOfWork())
        {
            await store.AppendAsync(Entry("webchat/1", "D-1", 0, "Hallo"), None);
            await store.AppendAsync(Entry("webchat/1", "D-1", 0, "Antwort", TranscriptDirection.Outbound), None);
        }

        Assert.Equal(0, LiteTranscriptStore.CountEntries(context.Database));
    }

    [Fact]
    public async Task Pages_forward_inside_a_turns_document()
    {
        using var context = file.Open();
        var store = new LiteTranscriptStore(context);
        await CommitTurnAsync(context, store, [.. Enumerable.Range(0, 5).Select(i => Entry("webchat/1", "D-1", i, $"m{i}"))]);

        var first = await store.ListAsync("webchat/1", null, 2, None);
        var next = await store.ListAsync("webchat/1", first[^1].At, 2, None);
        var last = await store.ListAsync("webchat/1", next[^1].At, 2, None);

        Assert.Equal(["m0", "m1", "m2", "m3", "m4"], first.Concat(next).Concat(last).Select(e => e.Text));
    }

    [Fact]
    public async Task A_file_with_one_document_per_entry_reads_pages_and_purges_as_before()
    {
        // What earlier versions wrote (ordinal collation, as LiteDbContext creates files): each entry flat in its own document.
        Directory.CreateDirectory(Path.GetDirectoryName(file.Path)!);
        using (var old = new LiteDatabase(new ConnectionString { Filename = file.Path, Collation = new Collation(CultureInfo.InvariantCulture.LCID, CompareOptions.Ordinal) }))
        {
            var flat = old.GetCollection(LiteTranscriptStore.CollectionName, BsonAutoId.Int64);
            flat.EnsureIndex("ConversationKey", "$.ConversationKey");
            flat.EnsureIndex("DebtorId", "$.DebtorId");
            foreach (var (minute, debtor, text) in new[] { (0, (string?)null, "code"), (1, "D-1", "welcome"), (2, "D-1", "balance") })
                flat.Insert(Flat("webchat/1", debtor, minute, text));
            flat.Insert(Flat("webchat/2", "D-2", 3, "someone else"));
        }

        using var context = file.Open();
        var store = new LiteTranscriptStore(context);
        await CommitTurnAsync(context, store,
        [
            Entry("webchat/1", "D-1", 4, "new question"),
            Entry("webchat/1", "D-1", 5, "new answer", TranscriptDirection.Outbound),
        ]);

        var all = await store.ListAsync("webchat/1", null, 10, None);
        Assert.Equal(["code", "welcome", "balance", "new question", "new answer"], all.Select(e => e.Text));
        Assert.Equal((TranscriptDirection.Inbound, T0.AddMinutes(1), "D-1", "Ja", """{"a":1}""", "a1"),
            (all[1].Direction, all[1].At, all[1].DebtorId, all[1].Buttons[0], all[1].Value, all[1].ActivityId));
        Assert.Equal(["balance", "new question"], (await store.ListAsync("webchat/1", T0.AddMinutes(1), 2, None)).Select(e => e.Text));
        Assert.Equal(["balance", "new question", "new answer"], (await store.ListByDebtorAsync("D-1", 3, None)).Select(e => e.Text));

        await new LiteConversationPurge(context).PurgeUnboundAsync("webchat", "1", None);
        Assert.Empty(await store.ListAsync("webchat/1", null, 10, None));
        Assert.Equal(["someone else"], (await store.ListAsync("webchat/2", null, 10, None)).Select(e => e.Text));
    }

    /// <summary>One turn: <paramref name="entries"/> appended inside a unit of work, then committed.</summary>
    private static async Task CommitTurnAsync(LiteDbContext context, LiteTranscriptStore store, IReadOnlyList<TranscriptEntry> entries)
    {
        using var unit = context.BeginUnitOfWork();
        foreach (var entry in entries)
            await store.AppendAsync(entry, None);
        unit.Commit();
    }

    private static BsonDocument Flat(string key, string? debtor, int minute, string text) => new()
    {
        ["ConversationKey"] = key,
        ["DebtorId"] = debtor,
        ["At"] = T0.AddMinutes(minute).UtcTicks,
        ["Direction"] = "Inbound",
        ["Type"] = "message",
        ["Text"] = text,
        ["Sender"] = "debtor",
        ["Buttons"] = new BsonArray { "Ja" },
        ["Attachments"] = new BsonArray(),
        ["Images"] = new BsonArray(),
        ["Value"] = """{"a":1}""",
        ["Name"] = BsonValue.Null,
        ["ActivityId"] = "a" + minute,
    };
}

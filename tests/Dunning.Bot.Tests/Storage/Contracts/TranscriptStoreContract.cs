using Dunning.Bot.Core.Domain;

namespace Dunning.Bot.Tests.Storage.Contracts;

/// <summary>Transcripts: append-only, in append order (also at equal times), paged forward, latest per debtor.</summary>
public abstract class TranscriptStoreContract(IStorageUnderTest storage) : StorageContractBase(storage)
{
    private static TranscriptEntry Entry(string conversation, string? debtor, DateTimeOffset at, string text) =>
        new(conversation, debtor, at, TranscriptDirection.Inbound, "message", text, "debtor") { Buttons = ["Ja", "Nein"], Value = """{"a":1}""" };

    [ContractFact]
    public async Task Entries_come_back_in_append_order_even_at_the_same_time()
    {
        foreach (var text in new[] { "c", "a", "b" })
            await Storage.Transcripts.AppendAsync(Entry("webchat/1", "D-1", Samples.Moment, text), None);

        var entries = await SecondHost().Transcripts.ListAsync("webchat/1", null, 10, None);

        Assert.Equal(["c", "a", "b"], entries.Select(e => e.Text));
        Assert.Equal((Samples.Moment, "Nein", """{"a":1}"""), (entries[0].At, entries[0].Buttons[1], entries[0].Value));
    }

    [ContractFact]
    public async Task A_reader_pages_forward_after_the_last_time_it_saw()
    {
        for (var i = 0; i < 5; i++)
            await Storage.Transcripts.AppendAsync(Entry("webchat/1", "D-1", Samples.Moment.AddTicks(i), $"m{i}"), None);
        await Storage.Transcripts.AppendAsync(Entry("webchat/2", "D-1", Samples.Moment, "other"), None);

        var first = await Storage.Transcripts.ListAsync("webchat/1", null, 2, None);
        var next = await Storage.Transcripts.ListAsync("webchat/1", first[^1].At, 2, None);

        Assert.Equal(["m0", "m1"], first.Select(e => e.Text));
        Assert.Equal(["m2", "m3"], next.Select(e => e.Text));
    }

    [ContractFact]
    public async Task A_debtors_latest_entries_come_oldest_first_over_all_conversations()
    {
        await Storage.Transcripts.AppendAsync(Entry("webchat/1", "D-1", Samples.Moment, "one"), None);
        await Storage.Transcripts.AppendAsync(Entry("telegram/1", "D-1", Samples.Moment.AddMinutes(1), "two"), None);
        await Storage.Transcripts.AppendAsync(Entry("webchat/9", "D-9", Samples.Moment.AddMinutes(2), "else"), None);
        await Storage.Transcripts.AppendAsync(Entry("webchat/1", "D-1", Samples.Moment.AddMinutes(3), "three"), None);

        Assert.Equal(["two", "three"], (await Storage.Transcripts.ListByDebtorAsync("D-1", 2, None)).Select(e => e.Text));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Storage.Transcripts.ListByDebtorAsync("D-1", 0, None));
    }
}

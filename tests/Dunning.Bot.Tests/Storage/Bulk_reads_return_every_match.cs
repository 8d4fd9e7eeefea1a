using Dunning.Bot.Conversations;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Storage;
using Dunning.Bot.Storage.LiteDb;

namespace Dunning.Bot.Tests.Storage;

public sealed class Bulk_reads_return_every_match : IDisposable
{
    private readonly LiteDbContext context = new(new MemoryStream());
    private readonly LiteInvoiceStore store;

    public Bulk_reads_return_every_match()
    {
        store = new LiteInvoiceStore(context);
    }

    [Theory]
    [InlineData(new[] { 0, 9 })]              // two debtors far apart, eight others between: looked up one by one
    [InlineData(new[] { 3 })]                 // one debtor
    [InlineData(new[] { 0, 1, 2, 4, 5, 6 })]  // most of a range, two others inside it: one range read, the others dropped
    [InlineData(new[] { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9 })]
    public async Task Every_invoice_of_every_asked_debtor_comes_back_once(int[] asked)
    {
        for (var i = 0; i < 30; i++)
            await store.SaveAsync(Samples.Invoice($"RE-{i:D3}", $"D-{i % 10}"), CancellationToken.None);
        var ids = asked.Select(d => $"D-{d}").Append("D-unknown").Append($"D-{asked[0]}").ToList();

        var found = await store.ListByDebtorsAsync(ids, CancellationToken.None);

        var expected = Enumerable.Range(0, 30).Where(i => asked.Contains(i % 10)).Select(i => $"RE-{i:D3}");
        Assert.Equal(expected, found.Select(i => i.Number).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_lookup_by_id_answers_that_document_on_every_thread_at_once_and_null_for_an_unknown_id()
    {
        var collection = context.Database.GetCollection("lookups");
        for (var i = 0; i < 200; i++)
            collection.Insert(new LiteDB.BsonDocument { ["_id"] = $"K-{i:D3}", ["N"] = i });

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(t => Task.Run(() =>
            Enumerable.Range(0, 200).Select(i => (i + t * 25) % 200).All(i => Queries.FindById(collection, $"K-{i:D3}")?["N"].AsInt32 == i))));

        Assert.All(answers, Assert.True);
        Assert.Null(Queries.FindById(collection, "K-999"));
        Assert.Equal(7, Queries.FindById(collection, "K-007")!["N"].AsInt32);
    }

    [Fact]
    public async Task Documents_without_the_field_inside_the_range_are_not_returned()
    {
        var links = new LiteConversationStore(context);
        foreach (var (key, debtorId) in new[] { ("webchat/a", "D-1"), ("webchat/b", null), ("webchat/c", "D-2"), ("webchat/d", "D-15") })
        {
            var link = new ConversationLink
            {
                Key = key, Channel = ChannelKind.WebChat,
                Reference = new ConversationReference { ChannelId = ChannelKind.WebChat, Conversation = new ConversationAccount(key) },
            };
            if (debtorId is not null)
                link.LinkTo(debtorId, Samples.Moment);
            await links.SaveAsync(link, CancellationToken.None);
        }

        var found = await links.ListByDebtorsAsync(["D-1", "D-2"], CancellationToken.None);

        Assert.Equal(["webchat/a", "webchat/c"], found.Select(l => l.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Access_codes_in_use_are_exactly_the_stored_ones_asked_for()
    {
        var debtors = new LiteDebtorStore(context);
        for (var i = 0; i < 6; i++)
            await debtors.SaveAsync(Samples.Debtor($"D-{i}", $"AC-{i}"), CancellationToken.None);

        var inUse = await debtors.AccessCodesInUseAsync(["AC-1", "AC-4", "AC-9", "ac-1"], CancellationToken.None);

        Assert.Equal(["AC-1", "AC-4"], inUse.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task No_debtors_asked_reads_nothing() =>
        Assert.Empty(await store.ListByDebtorsAsync([], CancellationToken.None));

    public void Dispose() => context.Dispose();
}

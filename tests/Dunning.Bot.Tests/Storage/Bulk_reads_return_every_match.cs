using Dunning.Bot.Storage;

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
    [InlineData(2)]   // a few debtors: looked up by index, one by one
    [InlineData(9)]   // most of them: one scan
    public async Task Every_invoice_of_every_asked_debtor_comes_back_once(int asked)
    {
        for (var i = 0; i < 30; i++)
            await store.SaveAsync(Samples.Invoice($"RE-{i:D3}", $"D-{i % 10}"), CancellationToken.None);
        var ids = Enumerable.Range(0, asked).Select(d => $"D-{d}").Append("D-unknown").Append("D-0").ToList();

        var found = await store.ListByDebtorsAsync(ids, CancellationToken.None);

        var expected = Enumerable.Range(0, 30).Where(i => i % 10 < asked).Select(i => $"RE-{i:D3}");
        Assert.Equal(expected, found.Select(i => i.Number).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task No_debtors_asked_reads_nothing() =>
        Assert.Empty(await store.ListByDebtorsAsync([], CancellationToken.None));

    public void Dispose() => context.Dispose();
}

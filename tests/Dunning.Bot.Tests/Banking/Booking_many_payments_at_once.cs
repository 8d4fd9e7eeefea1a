using Dunning.Bot.Core.Claims;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Tests.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Dunning.Bot.Tests.Banking;

/// <summary>
/// <see cref="ClaimBook.PayManyAsync(ClaimSet, IReadOnlyList{PaymentOrder}, string, CancellationToken)"/> on a LiteDB
/// file: documents read earlier are used as they are, but one somebody changed meanwhile is read again, never overwritten;
/// a refused order leaves the others booked, and invoice and case entry are saved together.
/// </summary>
public sealed class Booking_many_payments_at_once : IDisposable
{
    private readonly TempDatabase temp = new();
    private readonly ServiceProvider services;

    public Booking_many_payments_at_once()
    {
        services = BankingServices.Create(temp.Path).BuildServiceProvider();
    }

    private IInvoiceStore Invoices => services.GetRequiredService<IInvoiceStore>();

    private async Task<ClaimSet> SeedAndLoadAsync()
    {
        var debtor = new Debtor { Id = "D-1", Name = "Eins GmbH", TimeZone = "Europe/Berlin", Country = "DE", Kind = DebtorKind.Business, AccessCode = "AC-1", LinkToken = "LT-1" };
        await Invoices.SaveBatchAsync([debtor], [Invoice.Create("RE-1", "D-1", new DateOnly(2026, 2, 20), new DateOnly(2026, 3, 20), "EUR", 300m),
            Invoice.Create("RE-2", "D-1", new DateOnly(2026, 2, 20), new DateOnly(2026, 3, 20), "EUR", 300m)], [], CancellationToken.None);
        var set = new ClaimSet();
        await set.LoadAsync(Invoices, services.GetRequiredService<IDebtorStore>(), services.GetRequiredService<ICaseStore>(), ["RE-1", "RE-2"], CancellationToken.None);
        return set;
    }

    [Fact]
    public async Task An_invoice_changed_since_it_was_read_is_read_again_and_keeps_the_other_payment()
    {
        var set = await SeedAndLoadAsync();
        var book = services.GetRequiredService<ClaimBook>();
        await book.PayAsync("RE-1", new Payment(new DateOnly(2026, 3, 2), 100m, "BY-HAND"), "staff", CancellationToken.None);

        var results = await book.PayManyAsync(set, [new PaymentOrder("RE-1", new Payment(new DateOnly(2026, 3, 9), 50m, "BANK-1"))], "bank-import", CancellationToken.None);

        Assert.False(results[0].Booking!.Duplicate);
        var invoice = (await Invoices.FindAsync("RE-1", CancellationToken.None))!;
        Assert.Equal(["BY-HAND", "BANK-1"], invoice.Payments.Select(p => p.Reference!));
        var history = (await services.GetRequiredService<ICaseStore>().FindAsync("D-1", CancellationToken.None))!.History;
        Assert.Equal(2, history.Count(a => a.Kind == CaseActionKinds.Payment));
    }

    [Fact]
    public async Task A_refused_or_unknown_order_leaves_the_others_booked_and_a_repeat_books_nothing_twice()
    {
        var set = await SeedAndLoadAsync();
        var book = services.GetRequiredService<ClaimBook>();
        PaymentOrder[] orders =
        [
            new("RE-1", new Payment(new DateOnly(2026, 3, 9), 100m, "B-1")),
            new("RE-2", new Payment(new DateOnly(2026, 4, 9), 100m, "B-2")),   // in the future
            new("RE-9", new Payment(new DateOnly(2026, 3, 9), 100m, "B-3")),   // no such invoice
            new("RE-2", new Payment(new DateOnly(2026, 3, 9), 100m, "B-4")),
        ];

        var first = await book.PayManyAsync(set, orders, "bank-import", CancellationToken.None);
        var again = await book.PayManyAsync(orders, "bank-import", CancellationToken.None);

        Assert.Equal((false, true, true, false), (first[0].Booking is null, first[1].Refusal is not null, first[2] is { Booking: null, Refusal: null }, first[3].Booking is null));
        Assert.Contains("future", first[1].Refusal, StringComparison.Ordinal);
        Assert.True(again[0].Booking!.Duplicate && again[3].Booking!.Duplicate);
        var paid = (await Invoices.FindManyAsync(["RE-1", "RE-2"], CancellationToken.None)).Select(i => i.Paid);
        Assert.Equal([100m, 100m], paid);
        Assert.Equal(2, (await services.GetRequiredService<ICaseStore>().FindAsync("D-1", CancellationToken.None))!.History.Count);
    }

    public void Dispose()
    {
        services.Dispose();
        temp.Dispose();
    }
}

using Dunning.Bot.Core.Domain;

namespace Dunning.Bot.Core.Tests.Domain;

public sealed class Invoice_invariants_hold
{
    private static readonly DateOnly Issue = new(2026, 11, 1);

    [Fact]
    public void A_due_date_before_the_issue_date_is_refused()
    {
        var error = Assert.Throws<DomainException>(() => Invoice.Create("RE-1", "D-1", Issue, Issue.AddDays(-1), "EUR", 10m));
        Assert.Contains("before the issue date", error.Message);
        var invoice = Invoice.Create("RE-1", "D-1", Issue, Issue, "EUR", 10m);
        Assert.Throws<DomainException>(() => invoice.DueDate = Issue.AddDays(-1));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-0.01)]
    public void A_zero_or_negative_total_is_refused(decimal total) =>
        Assert.Throws<DomainException>(() => Invoice.Create("RE-1", "D-1", Issue, Issue.AddDays(14), "EUR", total));

    [Fact]
    public void A_total_that_differs_from_the_lines_by_a_cent_is_refused()
    {
        InvoiceLine[] lines = [new("A", 2m, 10m, 19m)]; // 23.80 gross

        Assert.Throws<DomainException>(() => Invoice.Create("RE-1", "D-1", Issue, Issue.AddDays(14), "EUR", 23.81m, lines));
        Assert.Equal(23.80m, Invoice.Create("RE-1", "D-1", Issue, Issue.AddDays(14), "EUR", 23.80m, lines).Total);
        Assert.Equal(23.80m, Invoice.Create("RE-1", "D-1", Issue, Issue.AddDays(14), "EUR", null, lines).Total);
    }

    [Fact]
    public void Lines_with_no_quantity_or_a_negative_price_are_refused()
    {
        Assert.Throws<DomainException>(() => Invoice.Create("RE-1", "D-1", Issue, Issue, "EUR", null, [new("A", 0m, 10m, 19m)]));
        Assert.Throws<DomainException>(() => Invoice.Create("RE-1", "D-1", Issue, Issue, "EUR", null, [new("A", 1m, -10m, 19m)]));
        Assert.Throws<DomainException>(() => Invoice.Create("RE-1", "D-1", Issue, Issue, "EUR", null, [new("A", 1m, 10m, 101m)]));
    }

    [Fact]
    public void An_unknown_currency_or_a_missing_number_or_debtor_is_refused()
    {
        Assert.Throws<DomainException>(() => Invoice.Create("RE-1", "D-1", Issue, Issue, "EUX", 10m));
        Assert.Throws<DomainException>(() => Invoice.Create(" ", "D-1", Issue, Issue, "EUR", 10m));
        Assert.Throws<DomainException>(() => Invoice.Create("RE-1", "", Issue, Issue, "EUR", 10m));
        Assert.Throws<DomainException>(() => Invoice.Create("RE-1", "D-1", Issue, Issue, "EUR", null));
    }
}

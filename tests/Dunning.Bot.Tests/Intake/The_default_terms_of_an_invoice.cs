using Dunning.Bot.Core.Domain;
using static Dunning.Bot.Tests.Intake.Importing;

namespace Dunning.Bot.Tests.Intake;

/// <summary>
/// The optional columns <c>due_date_agreed</c> and <c>default_notice</c> (§286 BGB) are read in German and English, left
/// as the owner's default when blank, refused when unreadable, and a re-import keeps what the claim ledger recorded.
/// </summary>
public sealed class The_default_terms_of_an_invoice : IDisposable
{
    private const string WithTerms = Header + ",due_date_agreed,default_notice";
    private readonly Importing importing = new();
    private readonly CancellationToken ct = CancellationToken.None;

    [Fact]
    public async Task Yes_no_and_blank_are_read_per_invoice()
    {
        var result = await importing.ImportAsync(Csv(WithTerms, Row("RE-1") + ",ja,nein", Row("RE-2") + ",false,1", Row("RE-3") + ",,"));

        Assert.Equal((3, 0), (result.InvoicesCreated, result.ProblemCount));
        var terms = new List<(bool?, bool?)>();
        foreach (var number in new[] { "RE-1", "RE-2", "RE-3" })
        {
            var invoice = (await importing.Invoices.FindAsync(number, ct))!;
            terms.Add((invoice.DueDateAgreed, invoice.DefaultNotice));
        }
        Assert.Equal([(true, false), (false, true), (null, null)], terms);
    }

    [Fact]
    public async Task An_unreadable_value_is_a_row_problem_and_nothing_is_imported()
    {
        var result = await importing.ImportAsync(Csv(WithTerms, Row("RE-1") + ",vielleicht,"));

        Assert.False(result.Committed);
        Assert.Contains(result.Problems, p => p.Column == "due_date_agreed" && p.Message.Contains("neither yes nor no", StringComparison.Ordinal));
        Assert.Equal(0, importing.StoredInvoices);
    }

    [Fact]
    public async Task A_reimport_keeps_write_offs_the_settlement_and_terms_it_does_not_state()
    {
        await importing.ImportAsync(Csv(WithTerms, Row("RE-1", total: "100.00") + ",ja,"));
        var stored = (await importing.Invoices.FindAsync("RE-1", ct))!;
        stored.RecordPayment(new Payment(new DateOnly(2026, 11, 20), 99.5m, "SEPA-1"));
        stored.AddWriteOff(new WriteOff(new DateOnly(2026, 11, 20), 0.5m, "Rundung", "owner"));
        stored.Settle(new DateOnly(2026, 11, 20));
        await importing.Invoices.SaveAsync(stored, ct);

        await importing.ImportAsync(Csv(Header, Row("RE-1", total: "100.00", link: "new.pdf")));
        var same = (await importing.Invoices.FindAsync("RE-1", ct))!;
        await importing.ImportAsync(Csv(Header, Row("RE-1", total: "120.00", link: "new.pdf")));
        var grown = (await importing.Invoices.FindAsync("RE-1", ct))!;

        Assert.Equal((1, new DateOnly(2026, 11, 20), true), (same.WriteOffs.Count, same.SettledOn, same.DueDateAgreed));
        Assert.Equal(((DateOnly?)null, 1, InvoiceStatus.PartiallyPaid), (grown.SettledOn, grown.WriteOffs.Count, grown.StatusAt(importing.Time.GetUtcNow())));
    }

    public void Dispose() => importing.Dispose();
}

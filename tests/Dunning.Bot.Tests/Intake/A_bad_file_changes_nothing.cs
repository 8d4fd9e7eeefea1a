using System.Text;
using Dunning.Bot.Intake;
using static Dunning.Bot.Tests.Intake.Importing;

namespace Dunning.Bot.Tests.Intake;

public sealed class A_bad_file_changes_nothing : IDisposable
{
    private readonly Importing importing = new();

    [Theory]
    [InlineData("RE-2,K1,Erika,consumer,de,Europe/Berlin,DE,,,2026-11-01,2026-10-01,EUR,10,", 3, "due_date", "before the issue date")]
    [InlineData("RE-2,K1,Erika,consumer,de,Europe/Berlin,DE,,,2026-11-01,2026-11-15,EUR,0,", 3, "total", "not positive")]
    [InlineData("RE-2,K1,Erika,consumer,de,Europe/Berlin,DE,,,2026-11-01,2026-11-15,EUR,-5.00,", 3, "total", "not positive")]
    [InlineData("RE-2,K1,Erika,consumer,de,Europe/Berlin,DE,,,2026-11-01,2026-11-15,EUX,10,", 3, "currency", "ISO 4217")]
    [InlineData("RE-2,K1,Erika,consumer,de,Europe/Berlin,DE,,,2026-11-01,2026-11-15,EUR,10.005,", 3, "total", "more decimals")]
    [InlineData("RE-2,K1,Erika,consumer,de,Europe/Berlin,DE,,,11/01/2026,2026-11-15,EUR,10,", 3, "issue_date", "2026-11-26")]
    [InlineData("RE-2,K1,Erika,consumer,fr,Europe/Berlin,DE,,,2026-11-01,2026-11-15,EUR,10,", 3, "language", "de or en")]
    [InlineData("RE-2,K1,Erika,consumer,de,Mars/Olympus,DE,,,2026-11-01,2026-11-15,EUR,10,", 3, "time_zone", "IANA")]
    [InlineData("RE-2,K1,Erika,someone,de,Europe/Berlin,DE,,,2026-11-01,2026-11-15,EUR,10,", 3, "debtor_kind", "consumer")]
    [InlineData("RE-2,K1,Erika,consumer,de,Europe/Berlin,DE,,,2026-11-01,2026-11-15,EUR,zehn,", 3, "total", "not a number")]
    [InlineData("RE-2,K1,Erika Other,consumer,de,Europe/Berlin,DE,,,2026-11-01,2026-11-15,EUR,10,", 3, "debtor_name", "in row 2")]
    [InlineData("RE-1,K1,Erika,consumer,de,Europe/Berlin,DE,,,2026-11-01,2026-11-15,EUR,10,", 3, "invoice_number", "row 2")]
    [InlineData(",K1,Erika,consumer,de,Europe/Berlin,DE,,,2026-11-01,2026-11-15,EUR,10,", 3, "invoice_number", "empty")]
    [InlineData("RE-2,K1,Erika,consumer,de,Europe/Berlin,DE,,,2026-11-01,2026-11-15,EUR,10", 3, null, "has 13 cells")]
    public async Task One_invalid_row_imports_nothing_and_names_row_column_and_problem(string badRow, int row, string? column, string problem)
    {
        var result = await importing.ImportAsync(Csv(Header, Row("RE-1", name: "Erika"), badRow, Row("RE-3", name: "Erika")));

        Assert.False(result.Committed);
        Assert.Equal((0, 0), (importing.StoredInvoices, importing.StoredDebtors));
        var reported = Assert.Single(result.Problems);
        Assert.Equal((row, column), (reported.Row, reported.Column));
        Assert.Contains(problem, reported.Message);
    }

    [Fact]
    public async Task Skip_invalid_imports_the_valid_rows_and_reports_the_rest()
    {
        var result = await importing.ImportAsync(Csv(Header, Row("RE-1"), Row("RE-2", total: "-1"), Row("RE-3"), Row("RE-1")), ImportMode.SkipInvalid);

        Assert.True(result.Committed);
        Assert.Equal((2, 2, 2), (result.InvoicesCreated, result.RowsSkipped, result.ProblemCount));
        Assert.Equal([3, 5], result.Problems.Select(p => p.Row));
        Assert.Equal(2, importing.StoredInvoices);
    }

    [Fact]
    public async Task A_line_sum_that_does_not_match_the_total_skips_the_whole_invoice()
    {
        var csv = Csv("invoice_number,debtor_id,debtor_name,issue_date,due_date,currency,total,line_description,line_quantity,line_unit_price,line_vat_rate",
            "RE-1,K1,Erika,2026-11-01,2026-11-15,EUR,100.00,A,1,50,0",
            "RE-1,,,,,,,B,1,40,0",
            "RE-2,K1,Erika,2026-11-01,2026-11-15,EUR,,C,1,10,0");

        var result = await importing.ImportAsync(csv, ImportMode.SkipInvalid);

        var problem = Assert.Single(result.Problems);
        Assert.Equal((2, "total"), (problem.Row, problem.Column));
        Assert.Contains("does not match", problem.Message);
        Assert.Equal((1, 2), (result.InvoicesCreated, result.RowsSkipped));
    }

    [Fact]
    public async Task Unknown_and_missing_columns_reject_the_file()
    {
        var result = await importing.ImportAsync(Csv("invoice_number,customer_id,betrag,colour,Gewicht", "RE-1,K1,10,red,5"));

        Assert.True(result.FileRejected);
        Assert.Contains(result.Problems, p => p.Row == 0 && p.Message.Contains("'colour', 'Gewicht'"));
        Assert.Contains(result.Problems, p => p.Message.Contains("missing column(s): debtor_name, issue_date, due_date, currency"));
        Assert.Equal(0, importing.StoredInvoices);
    }

    [Fact]
    public async Task Unclosed_quotes_and_stray_quotes_are_reported_per_row()
    {
        var csv = Csv(Header, Row("RE-1"), "RE-2,K1,Er\"ika,consumer,de,Europe/Berlin,DE,,,2026-11-01,2026-11-15,EUR,10,", Row("RE-3"), "RE-4,\"K1,Erika", Row("RE-5"));

        var result = await importing.ImportAsync(csv, ImportMode.SkipInvalid);

        Assert.Contains(result.Problems, p => p.Row == 3 && p.Message.Contains("quote"));
        Assert.Contains(result.Problems, p => p.Row == 5 && p.Message.Contains("never closed"));
        Assert.Equal(["RE-1", "RE-3"], (await importing.Invoices.ListByDebtorAsync("K1", CancellationToken.None)).Select(i => i.Number).Order());
    }

    [Theory]
    [InlineData("")]
    [InlineData("\r\n\r\n")]
    [InlineData(Header + "\r\n")]
    public async Task An_empty_file_or_a_header_alone_is_rejected(string csv)
    {
        var result = await importing.ImportAsync(Encoding.UTF8.GetBytes(csv));

        Assert.True(result.FileRejected);
        Assert.Contains("empty", Assert.Single(result.Problems).Message.Replace("no invoice rows", "empty"));
    }

    [Fact]
    public async Task A_file_above_the_size_limit_is_refused_before_reading()
    {
        using var limited = new Importing(new ImportOptions { MaxFileMegabytes = 1 });
        var rows = Enumerable.Range(1, 15_000).Select(i => Row($"RE-{i}"));

        var result = await limited.ImportAsync(Csv([Header, .. rows]));

        Assert.True(result.FileRejected);
        Assert.Contains("limit is 1 MB (Import:MaxFileMegabytes)", Assert.Single(result.Problems).Message);
        Assert.Equal(0, limited.StoredInvoices);
    }

    [Fact]
    public async Task A_50_MB_file_with_a_quote_that_never_closes_is_rejected_without_reading_it_all_into_memory()
    {
        var path = Path.Combine(Path.GetTempPath(), $"dunning-hostile-{Guid.NewGuid():N}.csv");
        try
        {
            await using (var file = File.Create(path))
            {
                await file.WriteAsync(Encoding.UTF8.GetBytes(Header + "\r\nRE-1,\""));
                var chunk = Encoding.ASCII.GetBytes(new string('x', 1024 * 1024));
                for (var i = 0; i < 50; i++)
                    await file.WriteAsync(chunk);
            }
            var before = GC.GetAllocatedBytesForCurrentThread();

            var result = await importing.Importer.ImportAsync(path, ImportMode.SkipInvalid, CancellationToken.None);

            Assert.True(result.FileRejected);
            Assert.Contains("never closed", Assert.Single(result.Problems).Message);
            Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 20 * 1024 * 1024, "the import buffered the whole file");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task A_missing_file_is_reported()
    {
        var result = await importing.Importer.ImportAsync("/nonexistent/invoices.csv", ImportMode.AllOrNothing, CancellationToken.None);

        Assert.True(result.FileRejected);
        Assert.Contains("does not exist", Assert.Single(result.Problems).Message);
    }

    public void Dispose() => importing.Dispose();
}

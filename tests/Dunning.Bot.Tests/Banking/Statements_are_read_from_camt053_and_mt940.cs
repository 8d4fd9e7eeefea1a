using System.Text;
using Dunning.Bot.Banking;
using static Dunning.Bot.Tests.Banking.StatementFiles;

namespace Dunning.Bot.Tests.Banking;

public sealed class Statements_are_read_from_camt053_and_mt940
{
    private static readonly BankingOptions Options = new();

    private static Task<BankStatement> ReadAsync(string text, BankingOptions? options = null) =>
        BankStatementReader.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(text)), options ?? Options, CancellationToken.None);

    [Fact]
    public async Task A_camt053_entry_gives_amount_currency_direction_dates_reference_payer_and_remittance()
    {
        var statement = await ReadAsync(Camt053(
            new Camt("2026030900123", 1190.00m, Unstructured("Müller Bau GmbH", "RE-2026-0042 Vielen Dank", "Kd 77")),
            new Camt("2026030900124", 80.5m, Structured("Hansa Logistik KG", "RE-2026-0043"), Direction: "DBIT")));

        Assert.Equal(("camt.053", "EUR", 2), (statement.Format, statement.Currency, statement.Entries.Count));
        var first = statement.Entries[0];
        Assert.Equal(("2026030900123", 1190.00m, "EUR", true, false, new DateOnly(2026, 3, 9)), (first.Reference, first.Amount, first.Currency, first.IsCredit, first.IsReversal, first.BookingDate));
        Assert.Equal(("Müller Bau GmbH", "RE-2026-0042 Vielen Dank Kd 77"), (first.Payer, first.Remittance));
        Assert.Equal((false, "Hansa Logistik KG", "RE-2026-0043"), (statement.Entries[1].IsCredit, statement.Entries[1].Payer, statement.Entries[1].Remittance));
    }

    [Fact]
    public async Task A_camt_reversal_and_a_pending_entry_are_marked_as_such()
    {
        var statement = await ReadAsync(Camt053(
            new Camt("R-1", 50m, Direction: "DBIT", Reversal: true),
            new Camt("P-1", 50m, Status: "<Sts>PDNG</Sts>")));

        Assert.True(statement.Entries[0].IsReversal);
        Assert.False(statement.Entries[1].IsBooked);
    }

    [Fact]
    public async Task An_mt940_statement_reads_german_structured_86_fields_split_over_lines()
    {
        var statement = await ReadAsync(Mt940("EUR",
            ("2603090309CR1190,00NTRFNONREF//BANKREF0042", "166?00GUTSCHR. UEBERWEISUNG?100599?20EREF+NOTPROVIDED?21SVWZ+Rechnung RE-2026-\n?220042 vom 01.03.?30BYLADEM1001?31DE02100100109307118603?32MUELLER BAU GMBH"),
            ("260309D25,00NMSCNONREF//BANKREF0043", "Kontofuehrung Maerz"),
            ("260309RC300,00NRTINONREF//BANKREF0044", "177?00RUECKLASTSCHRIFT?20RE-2026-0040")));

        Assert.Equal(("MT940", "EUR", 3), (statement.Format, statement.Currency, statement.Entries.Count));
        var credit = statement.Entries[0];
        Assert.Equal(("BANKREF0042", 1190.00m, true, new DateOnly(2026, 3, 9)), (credit.Reference, credit.Amount, credit.IsCredit, credit.ValueDate));
        Assert.Equal(("EREF+NOTPROVIDEDSVWZ+Rechnung RE-2026-0042 vom 01.03.", "MUELLER BAU GMBH"), (credit.Remittance, credit.Payer));
        Assert.Equal((false, "Kontofuehrung Maerz"), (statement.Entries[1].IsCredit, statement.Entries[1].Remittance));
        Assert.Equal((false, true), (statement.Entries[2].IsCredit, statement.Entries[2].IsReversal));
    }

    [Theory]
    [InlineData("<Document><BkToCstmrStmt><Stmt><Ntry><Amt Ccy=\"EUR\">1</Amt></Stmt></BkToCstmrStmt></Document>", "malformed XML")]
    [InlineData("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;\">]><Document><BkToCstmrStmt>&lol2;</BkToCstmrStmt></Document>", "DTD")]
    [InlineData("<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><Document><BkToCstmrStmt>&xxe;</BkToCstmrStmt></Document>", "DTD")]
    [InlineData("<invoice><number>1</number></invoice>", "not an ISO 20022 bank statement")]
    [InlineData("Dear bank, please pay me.", "no :20: field")]
    [InlineData("", "empty")]
    public async Task Hostile_or_foreign_files_are_refused_with_a_reason(string text, string reason)
    {
        var statement = await ReadAsync(text);

        Assert.Contains(reason, statement.Refusal, StringComparison.Ordinal);
        Assert.Empty(statement.Entries);
    }

    [Fact]
    public async Task A_file_over_the_cap_is_refused_before_it_is_parsed()
    {
        var big = Camt053([.. Enumerable.Range(0, 2000).Select(i => new Camt($"REF{i}", 1m, Unstructured("X", new string('a', 400))))]);

        var statement = await ReadAsync(big, new BankingOptions { MaxFileMegabytes = 1 });

        Assert.Contains("larger than 1 MB", statement.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_statement_with_more_entries_than_allowed_is_refused_as_a_whole()
    {
        var statement = await ReadAsync(Camt053([.. Enumerable.Range(0, 3).Select(i => new Camt($"REF{i}", 1m))]), new BankingOptions { MaxEntries = 2 });

        Assert.Contains("more than 2 entries", statement.Refusal, StringComparison.Ordinal);
    }
}

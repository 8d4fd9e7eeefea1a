using CsvHelper;
using System.Text;

namespace Dunning.Bot.Intake;

/// <summary>
/// Streams a CSV file of invoices row by row (memory grows with the valid invoices, not with the file) and turns it
/// into invoices and debtor drafts plus a row-level list of problems. Rows of one invoice (one per line item) must
/// follow each other; an invoice number seen again later is a duplicate. One parser reads one file.
/// </summary>
internal sealed partial class InvoiceCsvParser(ImportOptions options)
{
    private readonly List<ImportProblem> problems = [];
    private readonly Dictionary<string, int> seen = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DebtorDraft> debtors = new(StringComparer.Ordinal);
    private readonly List<ParsedInvoice> invoices = [];
    private readonly Dictionary<string, int> columns = new(StringComparer.Ordinal);
    private bool[] named = [];
    private int problemCount;
    private int rowsRead;
    private int rowsSkipped;
    private bool decimalComma;
    private bool hasLineColumns;
    private Group? current;

    public ParsedInvoiceFile Parse(Stream stream, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var encoding = CsvSniffer.DetectEncoding(stream);
        var separator = CsvSniffer.DetectDelimiter(stream, encoding);
        var malformed = new Dictionary<long, CsvMalformedReason>();
        var csvOptions = new CsvReaderOptions
        {
            // null: CsvHelper honours a byte order mark and reads UTF-8 otherwise; anything else is transcoded.
            Encoding = encoding.CodePage == Encoding.UTF8.CodePage ? null : encoding,
            Separator = separator,
            TrimWhitespace = true,
            SkipEmptyLines = true,
            MaxRecordSize = options.MaxRowBytes,
            OnMalformedRecord = record => malformed.TryAdd(record.RecordNumber, record.Reason),
        };
        using var reader = CsvReader.Create(stream, csvOptions, leaveOpen: true);
        long row = 1;
        try
        {
            var header = reader.Headers.ToArray();
            if (header.Length == 0)
                return Rejected("the file is empty.");
            // Only an ambiguous 1,234 or 1.234 needs the hint: Excel writes ';' where the decimal separator is a comma.
            decimalComma = separator != ',';
            if (!ReadHeader(header))
                return Rejected(null);
            while (reader.Read())
            {
                cancellationToken.ThrowIfCancellationRequested();
                row = reader.RowNumber + 1;
                var record = new string[reader.FieldCount];
                for (var i = 0; i < record.Length; i++)
                    record[i] = reader.GetString(i);
                if (Array.TrueForAll(record, string.IsNullOrWhiteSpace))
                    continue;
                rowsRead++;
                if (malformed.Remove(row, out var reason))
                {
                    RowProblem((int)row, null, Malformed(reason));
                    SkipRow(record);
                    continue;
                }
                ReadRow((int)row, record, header.Length);
            }
            Finish();
        }
        catch (CsvFormatException ex)
        {
            return Rejected($"row {row + 1}: the file is not valid CSV ({ex.Message}) Is a quote never closed?");
        }
        if (rowsRead == 0)
            return Rejected("the file has a header but no invoice rows.");
        problems.Sort((a, b) => a.Row.CompareTo(b.Row));
        return new ParsedInvoiceFile
        {
            Invoices = invoices,
            Debtors = debtors,
            Problems = problems,
            ProblemCount = problemCount,
            RowsRead = rowsRead,
            RowsSkipped = rowsSkipped,
            HasLineColumns = hasLineColumns,
            HasDocumentLinkColumn = columns.ContainsKey(CsvColumns.DocumentLink),
        };
    }

    private static string Malformed(CsvMalformedReason reason) => reason switch
    {
        CsvMalformedReason.UnterminatedQuote => "a quoted cell is never closed; everything after it up to the end of the file was read as one cell.",
        CsvMalformedReason.StrayQuote or CsvMalformedReason.TextAfterClosingQuote => "malformed quotes in a cell; a quote inside a cell must be doubled (\"\").",
        _ => $"the row is malformed ({reason}).",
    };

    private bool ReadHeader(string[] header)
    {
        var unknown = new List<string>();
        for (var i = 0; i < header.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(header[i]))
                continue; // Excel leaves unnamed trailing columns; their cells must stay empty (checked per row).
            var canonical = CsvColumns.Canonical(header[i]);
            if (canonical is null)
                unknown.Add(header[i].Trim());
            else if (columns.TryGetValue(canonical, out var earlier))
                RowProblem(0, canonical, $"columns '{header[earlier].Trim()}' and '{header[i].Trim()}' both mean {canonical}.");
            else
                columns[canonical] = i;
        }
        named = new bool[header.Length];
        foreach (var index in columns.Values)
            named[index] = true;
        if (unknown.Count > 0)
            RowProblem(0, null, $"unknown column(s): {string.Join(", ", unknown.Select(u => $"'{u}'"))}. See docs/importing.md for the columns and their German names.");
        var missing = CsvColumns.Required.Where(c => !columns.ContainsKey(c)).ToList();
        var lineColumns = CsvColumns.Line.Count(columns.ContainsKey);
        hasLineColumns = lineColumns > 0;
        if (hasLineColumns && lineColumns < CsvColumns.Line.Count)
            missing.AddRange(CsvColumns.Line.Where(c => !columns.ContainsKey(c)));
        if (!columns.ContainsKey(CsvColumns.Total) && !hasLineColumns)
            missing.Add(CsvColumns.Total);
        if (missing.Count > 0)
            RowProblem(0, null, $"missing column(s): {string.Join(", ", missing)}.");
        return problemCount == 0;
    }

    private ParsedInvoiceFile Rejected(string? message)
    {
        if (message is not null)
            RowProblem(0, null, message);
        return new ParsedInvoiceFile { Problems = problems, ProblemCount = problemCount, RowsRead = rowsRead, FileRejected = true };
    }

    private void RowProblem(int row, string? column, string message)
    {
        problemCount++;
        if (problems.Count < options.MaxReportedProblems)
            problems.Add(new ImportProblem(row, column, message));
    }

    private string Cell(string[] record, string column) =>
        columns.TryGetValue(column, out var index) && index < record.Length ? record[index].Trim() : "";

}

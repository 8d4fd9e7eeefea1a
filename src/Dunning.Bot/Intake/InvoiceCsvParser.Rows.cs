using Dunning.Bot.Core.Domain;

namespace Dunning.Bot.Intake;

internal sealed partial class InvoiceCsvParser
{
    /// <summary>The consecutive rows of one invoice: the first row's invoice fields plus one line per row.</summary>
    private sealed class Group(string number, int firstRow, string[] record)
    {
        public string Number { get; } = number;
        public int FirstRow { get; } = firstRow;
        public string[] Record { get; } = record;
        public InvoiceFields? Fields { get; set; }
        public List<InvoiceLine> Lines { get; } = [];
        public int Rows { get; set; } = 1;
        public bool Invalid { get; set; }
        public bool RowWithoutLine { get; set; }
    }

    private void ReadRow(int row, string[] record, int headerLength)
    {
        var number = Cell(record, CsvColumns.InvoiceNumber);
        if (current is not null && current.Number != number)
            Finish(); // before counting this row's problems: the finished invoice's own problems are not this row's
        var before = problemCount;
        if (record.Length != headerLength)
            RowProblem(row, null, $"has {record.Length} cells, the header has {headerLength}.");
        for (var i = 0; i < record.Length; i++)
        {
            if (!string.IsNullOrWhiteSpace(record[i]) && (i >= named.Length || !named[i]))
            {
                RowProblem(row, null, $"cell {i + 1} has a value but its column has no name.");
                break;
            }
        }
        if (number.Length == 0)
        {
            RowProblem(row, CsvColumns.InvoiceNumber, "is empty.");
            SkipRow(record);
            return;
        }
        if (current?.Number == number)
        {
            ContinueGroup(current, row, record);
        }
        else
        {
            current = new Group(number, row, record);
            if (seen.TryGetValue(number, out var firstRow))
            {
                RowProblem(row, CsvColumns.InvoiceNumber, $"invoice {number} already appeared in row {firstRow}; rows of one invoice (one per line item) must follow each other.");
                current.Invalid = true;
            }
            else
            {
                seen[number] = row;
                current.Fields = ReadInvoiceFields(row, record);
            }
        }
        ReadLine(current, row, record);
        if (problemCount > before)
            current.Invalid = true;
    }

    private void ContinueGroup(Group group, int row, string[] record)
    {
        group.Rows++;
        if (!hasLineColumns)
        {
            RowProblem(row, CsvColumns.InvoiceNumber, $"invoice {group.Number} is already in row {group.FirstRow}; repeat a number only for further line items.");
            return;
        }
        foreach (var column in CsvColumns.InvoiceLevel)
        {
            var value = Cell(record, column);
            if (value.Length > 0 && value != Cell(group.Record, column))
                RowProblem(row, column, $"'{value}' differs from row {group.FirstRow} of invoice {group.Number}; leave it empty or repeat it.");
        }
    }

    private void ReadLine(Group group, int row, string[] record)
    {
        if (!hasLineColumns)
            return;
        var description = Cell(record, CsvColumns.LineDescription);
        var quantity = Cell(record, CsvColumns.LineQuantity);
        var price = Cell(record, CsvColumns.LineUnitPrice);
        var vat = Cell(record, CsvColumns.LineVatRate);
        if (description.Length + quantity.Length + price.Length + vat.Length == 0)
        {
            group.RowWithoutLine = true;
            if (group.Rows > 1)
                RowProblem(row, CsvColumns.LineDescription, $"invoice {group.Number} repeats without a line item; a repeated invoice number must carry one.");
            return;
        }
        if (group.RowWithoutLine && group.Rows > 1)
            RowProblem(group.FirstRow, CsvColumns.LineDescription, $"invoice {group.Number} has several rows, so every row needs a line item.");
        if (description.Length == 0)
            RowProblem(row, CsvColumns.LineDescription, "is empty although the row has a line item.");
        var q = Amount(row, CsvColumns.LineQuantity, quantity, required: true);
        var p = Amount(row, CsvColumns.LineUnitPrice, price, required: true);
        var v = Amount(row, CsvColumns.LineVatRate, vat.TrimEnd('%').TrimEnd(), required: true);
        if (q is <= 0m)
            RowProblem(row, CsvColumns.LineQuantity, $"{quantity} is not positive.");
        if (p is < 0m)
            RowProblem(row, CsvColumns.LineUnitPrice, $"{price} is negative.");
        if (v is < 0m or > 100m)
            RowProblem(row, CsvColumns.LineVatRate, $"{vat} is not a percentage between 0 and 100 (write 19 for 19 %).");
        if (description.Length > 0 && q is > 0m && p is >= 0m && v is >= 0m and <= 100m)
            group.Lines.Add(new InvoiceLine(description, q.Value, p.Value, v.Value));
    }

    private void SkipRow(string[] record)
    {
        rowsSkipped++;
        var number = Cell(record, CsvColumns.InvoiceNumber);
        if (current is not null && current.Number == number)
        {
            current.Rows++;
            current.Invalid = true;
        }
    }

    /// <summary>Closes the current invoice: valid ones become <see cref="Invoice"/>s, invalid ones count as skipped rows.</summary>
    private void Finish()
    {
        if (current is not { } group)
            return;
        current = null;
        if (!group.Invalid && group.Fields is { } f)
        {
            if (f.Total is null && group.Lines.Count == 0)
            {
                RowProblem(group.FirstRow, CsvColumns.Total, "is empty and the invoice has no line items.");
            }
            else
            {
                try
                {
                    var invoice = Invoice.Create(group.Number, f.DebtorId, f.IssueDate, f.DueDate, f.Currency, f.Total, group.Lines, f.DocumentLink);
                    invoice.DueDateAgreed = f.DueDateAgreed;
                    invoice.DefaultNotice = f.DefaultNotice;
                    if (MergeDebtor(group.FirstRow, f.Debtor))
                    {
                        invoices.Add(new ParsedInvoice(invoice, group.FirstRow, group.Rows));
                        return;
                    }
                }
                catch (DomainException ex)
                {
                    RowProblem(group.FirstRow, group.Lines.Count > 0 ? CsvColumns.Total : null, ex.Message);
                }
            }
        }
        rowsSkipped += group.Rows;
    }

    private bool MergeDebtor(int row, DebtorDraft draft)
    {
        if (!debtors.TryGetValue(draft.Id, out var known))
        {
            debtors[draft.Id] = draft;
            return true;
        }
        var conflicts = known.Conflicts(draft).ToList();
        foreach (var (column, mine, theirs) in conflicts)
            RowProblem(row, column, $"debtor {draft.Id} has '{mine}' in row {known.FirstRow} but '{theirs}' here.");
        if (conflicts.Count > 0)
            return false;
        debtors[draft.Id] = known.Complete(draft);
        return true;
    }
}

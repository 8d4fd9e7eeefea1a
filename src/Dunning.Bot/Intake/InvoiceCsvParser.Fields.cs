using Dunning.Bot.Core.Domain;

namespace Dunning.Bot.Intake;

internal sealed partial class InvoiceCsvParser
{
    /// <summary>The invoice-level values of an invoice's first row, already checked.</summary>
    private sealed record InvoiceFields(string DebtorId, DateOnly IssueDate, DateOnly DueDate, string Currency, decimal? Total,
        string? DocumentLink, DebtorDraft Debtor, bool? DueDateAgreed, bool? DefaultNotice);

    private InvoiceFields? ReadInvoiceFields(int row, string[] record)
    {
        var before = problemCount;
        var debtor = ReadDebtor(row, record);
        var issue = Date(row, record, CsvColumns.IssueDate);
        var due = Date(row, record, CsvColumns.DueDate);
        if (issue is { } i && due is { } d && d < i)
            RowProblem(row, CsvColumns.DueDate, $"{d:yyyy-MM-dd} is before the issue date {i:yyyy-MM-dd}.");
        var currency = Cell(record, CsvColumns.Currency).ToUpperInvariant();
        if (!Core.Domain.Currency.IsKnown(currency))
            RowProblem(row, CsvColumns.Currency, currency.Length == 0 ? "is empty." : $"'{currency}' is not an ISO 4217 code such as EUR.");
        var totalText = Cell(record, CsvColumns.Total);
        var total = Amount(row, CsvColumns.Total, totalText, required: !hasLineColumns);
        if (total is <= 0m)
            RowProblem(row, CsvColumns.Total, $"{totalText} is not positive; credit notes are not imported.");
        else if (total is { } t && Core.Domain.Currency.IsKnown(currency) && decimal.Round(t, Core.Domain.Currency.MinorUnits(currency)) != t)
            RowProblem(row, CsvColumns.Total, $"{totalText} has more decimals than {currency} allows.");
        var link = Cell(record, CsvColumns.DocumentLink);
        var agreed = Optional(row, record, CsvColumns.DueDateAgreed, ParseYesNo, YesNo);
        var notice = Optional(row, record, CsvColumns.DefaultNotice, ParseYesNo, YesNo);
        if (problemCount > before || debtor is null)
            return null;
        return new InvoiceFields(debtor.Id, issue!.Value, due!.Value, currency, total, link.Length > 0 ? link : null, debtor,
            agreed is null ? null : agreed == "yes", notice is null ? null : notice == "yes");
    }

    private DebtorDraft? ReadDebtor(int row, string[] record)
    {
        var before = problemCount;
        var id = Cell(record, CsvColumns.DebtorId);
        var name = Cell(record, CsvColumns.DebtorName);
        if (id.Length == 0)
            RowProblem(row, CsvColumns.DebtorId, "is empty.");
        if (name.Length == 0)
            RowProblem(row, CsvColumns.DebtorName, "is empty.");
        var kind = Optional(row, record, CsvColumns.DebtorKind, ParseKind, "is neither consumer nor business (Verbraucher, Unternehmen).");
        var language = Optional(row, record, CsvColumns.Language, ParseLanguage, "is not de or en.");
        var timeZone = Optional(row, record, CsvColumns.TimeZone, v => TimeZoneInfo.TryFindSystemTimeZoneById(v, out _) ? v : null,
            "is not an IANA time zone such as Europe/Berlin.");
        var country = Optional(row, record, CsvColumns.Country, v => v.Length == 2 && v.All(char.IsAsciiLetter) ? v.ToUpperInvariant() : null,
            "is not a two-letter country code such as DE.");
        var email = Optional(row, record, CsvColumns.Email, v => v.Contains('@', StringComparison.Ordinal) && !v.Contains(' ', StringComparison.Ordinal) ? v : null,
            "is not an e-mail address.");
        var state = Cell(record, CsvColumns.State);
        var person = Optional(row, record, CsvColumns.ContactPerson, v => v.Length <= 100 ? v : null, "is longer than 100 characters.");
        var salutation = Optional(row, record, CsvColumns.Salutation, v => v.Length <= 30 ? v : null, "is longer than 30 characters.");
        var channel = Optional(row, record, CsvColumns.PreferredChannel, v => ChannelKind.IsKnown(v.ToLowerInvariant()) ? v.ToLowerInvariant() : null,
            $"is not one of {string.Join(", ", ChannelKind.All)}.");
        var alsoByEmail = Optional(row, record, CsvColumns.AlsoByEmail, ParseYesNo, YesNo);
        var street = Optional(row, record, CsvColumns.Street, v => v.Length <= 100 ? v : null, "is longer than 100 characters.");
        var postalCode = Optional(row, record, CsvColumns.PostalCode, v => v.Length <= 12 && v.All(c => char.IsAsciiLetterOrDigit(c) || c is ' ' or '-') ? v : null,
            "is not a postal code (up to 12 letters, digits, spaces or dashes).");
        var city = Optional(row, record, CsvColumns.City, v => v.Length <= 100 ? v : null, "is longer than 100 characters.");
        return problemCount > before
            ? null
            : new DebtorDraft(row, id, name, kind is null ? null : Enum.Parse<DebtorKind>(kind), language, timeZone, country,
                state.Length > 0 ? state.ToUpperInvariant() : null, email)
            {
                ContactPerson = person, Salutation = salutation, PreferredChannel = channel, AlsoByEmail = alsoByEmail is null ? null : alsoByEmail == "yes",
                Street = street, PostalCode = postalCode, City = city,
            };
    }

    private const string YesNo = "is neither yes nor no (ja, nein, true, false, 1, 0).";

    private static string? ParseYesNo(string value) => value.Trim().ToLowerInvariant() switch
    {
        "yes" or "ja" or "true" or "1" or "y" or "j" or "x" => "yes",
        "no" or "nein" or "false" or "0" or "n" => "no",
        _ => null,
    };

    private string? Optional(int row, string[] record, string column, Func<string, string?> parse, string problem)
    {
        var value = Cell(record, column);
        if (value.Length == 0)
            return null;
        var parsed = parse(value);
        if (parsed is null)
            RowProblem(row, column, $"'{value}' {problem}");
        return parsed;
    }

    private DateOnly? Date(int row, string[] record, string column)
    {
        var text = Cell(record, column);
        if (CsvDates.TryParse(text, out var date))
            return date;
        RowProblem(row, column, text.Length == 0 ? "is empty." : $"'{text}': {CsvDates.Expected}.");
        return null;
    }

    private decimal? Amount(int row, string column, string text, bool required)
    {
        if (text.Length == 0)
        {
            if (required)
                RowProblem(row, column, "is empty.");
            return null;
        }
        if (LocaleNumbers.TryParse(text, decimalComma, out var value))
            return value;
        RowProblem(row, column, $"'{text}' is not a number like 1234.56 or 1.234,56.");
        return null;
    }

    private static string? ParseKind(string value) => value.ToLowerInvariant() switch
    {
        "consumer" or "private" or "b2c" or "verbraucher" or "privat" or "privatkunde" => nameof(DebtorKind.Consumer),
        "business" or "company" or "b2b" or "unternehmen" or "firma" or "gewerbe" or "geschäftskunde" or "geschaeftskunde" => nameof(DebtorKind.Business),
        _ => null,
    };

    private static string? ParseLanguage(string value) => value.ToLowerInvariant() switch
    {
        "de" or "deutsch" or "german" or "de-de" or "de-at" or "de-ch" => "de",
        "en" or "englisch" or "english" or "en-gb" or "en-us" => "en",
        _ => null,
    };
}

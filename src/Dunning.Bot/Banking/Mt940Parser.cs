using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Dunning.Bot.Banking;

/// <summary>
/// Reads SWIFT MT940 statements: the currency from :60F:/:60M:, one entry per :61: line (value date, entry date, C/D/RC/RD
/// mark, amount with a decimal comma, transaction type, customer and bank reference) and its :86: text, either
/// unstructured or in the German structured form (<c>GVC?00…?20–?29 purpose…?32/?33 payer…?60–?63</c>).
/// </summary>
public static partial class Mt940Parser
{
    public const string Format = "MT940";

    public static BankStatement Parse(TextReader reader, BankingOptions options)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(options);
        var fields = Fields(reader);
        var entries = new List<BankEntry>();
        string? currency = null;
        var sawStatement = false;
        for (var i = 0; i < fields.Count; i++)
        {
            var (tag, value) = fields[i];
            switch (tag)
            {
                case "20":
                    sawStatement = true;
                    break;
                case "60F" or "60M" when value.Length >= 10:
                    currency ??= value[7..10];
                    break;
                case "61":
                    if (entries.Count >= options.MaxEntries)
                        return BankStatement.Refused(Format, $"the statement has more than {options.MaxEntries} entries (Banking:MaxEntries).");
                    var details = i + 1 < fields.Count && fields[i + 1].Tag == "86" ? fields[++i].Value : "";
                    if (Entry(value, details, currency) is not { } entry)
                        return BankStatement.Refused(Format, $"a :61: line is malformed: {value.Split('\n')[0]}");
                    entries.Add(entry);
                    break;
            }
        }
        return sawStatement ? new BankStatement(Format, currency, entries) : BankStatement.Refused(Format, "the file is neither camt.053 XML nor an MT940 statement (no :20: field).");
    }

    /// <summary>Splits the text into (tag, value) fields; continuation lines are joined with a line feed.</summary>
    private static List<(string Tag, string Value)> Fields(TextReader reader)
    {
        var fields = new List<(string, string)>();
        string? tag = null;
        var value = new StringBuilder();
        while (reader.ReadLine() is { } line)
        {
            if (TagPattern().Match(line) is { Success: true } m)
            {
                if (tag is not null)
                    fields.Add((tag, value.ToString()));
                tag = m.Groups[1].Value;
                value.Clear().Append(line[m.Length..]);
            }
            else if (tag is not null && line is not ("-" or "-}") && !line.StartsWith('{'))
            {
                value.Append('\n').Append(line);
            }
        }
        if (tag is not null)
            fields.Add((tag, value.ToString()));
        return fields;
    }

    private static BankEntry? Entry(string line61, string details, string? currency)
    {
        var m = StatementLine().Match(line61.Split('\n')[0]);
        if (!m.Success
            || !DateOnly.TryParseExact(m.Groups["value"].Value, "yyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var valueDate)
            || !decimal.TryParse(m.Groups["amount"].Value.Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
            return null;
        var booking = valueDate;
        if (m.Groups["entry"].Success)
        {
            // The entry date has no year: the value date's year, or the neighbouring one around New Year.
            var month = int.Parse(m.Groups["entry"].Value[..2], CultureInfo.InvariantCulture);
            var day = int.Parse(m.Groups["entry"].Value[2..], CultureInfo.InvariantCulture);
            var year = valueDate.Year + (month == 1 && valueDate.Month == 12 ? 1 : month == 12 && valueDate.Month == 1 ? -1 : 0);
            if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
                return null;
            booking = new DateOnly(year, month, day);
        }
        var mark = m.Groups["mark"].Value;
        var bankReference = m.Groups["bank"].Success ? m.Groups["bank"].Value.Trim() : null;
        var customerReference = m.Groups["customer"].Value.Trim();
        var (remittance, payer, account) = Details(details);
        return new BankEntry
        {
            Reference = !string.IsNullOrEmpty(bankReference) ? bankReference
                : customerReference is { Length: > 0 } and not "NONREF" ? customerReference : null,
            BookingDate = booking,
            ValueDate = valueDate,
            Amount = amount,
            Currency = currency ?? "",
            IsCredit = mark is "C" or "RD",
            IsReversal = mark.StartsWith('R'),
            // A reversal's customer reference often names the entry it undoes.
            RelatedReferences = [.. new[] { customerReference, bankReference }.OfType<string>().Where(r => r.Length > 0 && r != "NONREF").Distinct(StringComparer.Ordinal)],
            Remittance = remittance,
            Payer = payer,
            PayerIban = Core.Payments.Iban.IsValid(account) ? Core.Payments.Iban.Normalize(account) : null,
        };
    }

    /// <summary>The remittance text, payer and payer's account (?31) of a :86: field; German structured subfields when it starts with a GVC and ?.</summary>
    private static (string Remittance, string? Payer, string? Account) Details(string details)
    {
        var text = details.Replace("\n", "", StringComparison.Ordinal);
        if (!StructuredDetails().IsMatch(text))
            return (details.Replace('\n', ' ').Trim(), null, null);
        var purpose = new StringBuilder();
        var payer = new StringBuilder();
        string? account = null;
        foreach (var part in text[4..].Split('?', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part.Length < 2 || !int.TryParse(part.AsSpan(0, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var code))
                continue;
            var content = part[2..];
            if (code is >= 20 and <= 29 or >= 60 and <= 63)
                purpose.Append(content);
            else if (code is 32 or 33)
                payer.Append(content);
            else if (code == 31)
                account = content.Trim();
        }
        return (purpose.ToString().Trim(), payer.Length > 0 ? payer.ToString().Trim() : null, account);
    }

    [GeneratedRegex(@"^:(\d{2}[A-Z]?):")]
    private static partial Regex TagPattern();

    // YYMMDD [MMDD] (C|D|RC|RD) [funds code] amount type(1!a3!c) customer-reference [//bank-reference]
    [GeneratedRegex(@"^(?<value>\d{6})(?<entry>\d{4})?(?<mark>RC|RD|C|D)[A-Z]?(?<amount>\d{1,12},\d{0,2})(?<type>[A-Z][A-Z0-9]{3})(?<customer>.*?)(?://(?<bank>.{1,16}))?$")]
    private static partial Regex StatementLine();

    [GeneratedRegex(@"^\d{3}\?\d{2}")]
    private static partial Regex StructuredDetails();
}

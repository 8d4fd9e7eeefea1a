using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace Dunning.Bot.Banking;

/// <summary>
/// Reads ISO 20022 camt.053 statements (BkToCstmrStmt/Stmt, versions .001.02 and later, matched by local name so every
/// version's namespace works) and camt.054 notifications (Ntfctn), entry by entry with an <see cref="XmlReader"/>:
/// DTDs are prohibited (so no entity expansion and no external entities), nothing is resolved, the document is capped.
/// </summary>
public static class Camt053Parser
{
    public const string Format = "camt.053";

    public static BankStatement Parse(Stream stream, BankingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = options.MaxBytes,
            MaxCharactersFromEntities = 1024,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            IgnoreWhitespace = true,
        };
        var entries = new List<BankEntry>();
        string? currency = null;
        try
        {
            using var reader = XmlReader.Create(stream, settings);
            var sawDocument = false;
            reader.MoveToContent();
            while (!reader.EOF)
            {
                if (reader.NodeType != XmlNodeType.Element)
                {
                    reader.Read();
                    continue;
                }
                switch (reader.LocalName)
                {
                    case "BkToCstmrStmt" or "BkToCstmrDbtCdtNtfctn":
                        sawDocument = true;
                        reader.Read();
                        break;
                    case "Acct" when currency is null:
                        currency = Child(XElement.Load(reader.ReadSubtree()), "Ccy")?.Value.Trim();
                        reader.Read();
                        break;
                    case "Ntry":
                        if (entries.Count >= options.MaxEntries)
                            return BankStatement.Refused(Format, $"the statement has more than {options.MaxEntries} entries (Banking:MaxEntries).");
                        entries.Add(Entry(XElement.Load(reader.ReadSubtree())));
                        reader.Read();
                        break;
                    default:
                        reader.Read();
                        break;
                }
            }
            if (!sawDocument)
                return BankStatement.Refused(Format, "the XML is not an ISO 20022 bank statement (no BkToCstmrStmt or BkToCstmrDbtCdtNtfctn).");
        }
        catch (XmlException e) when (e.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase))
        {
            return BankStatement.Refused(Format, "the XML declares a DTD; DTDs and entities are not accepted (XML bomb or external entity).");
        }
        catch (XmlException e)
        {
            return BankStatement.Refused(Format, $"malformed XML (line {e.LineNumber}, position {e.LinePosition}): {e.Message}");
        }
        catch (FormatException e)
        {
            return BankStatement.Refused(Format, $"an entry is malformed: {e.Message}");
        }
        return new BankStatement(Format, currency, entries);
    }

    private static BankEntry Entry(XElement ntry)
    {
        var amount = Child(ntry, "Amt") ?? throw new FormatException("an entry has no Amt.");
        var status = Child(ntry, "Sts") is { } sts ? (Child(sts, "Cd") ?? sts).Value.Trim() : "BOOK";
        var texts = new List<string>();
        foreach (var rmt in ntry.Descendants().Where(e => e.Name.LocalName == "RmtInf"))
        {
            foreach (var e in rmt.Descendants().Where(e => !e.HasElements && e.Name.LocalName is "Ustrd" or "Ref" or "Nb" or "AddtlRmtInf"))
                texts.Add(e.Value.Trim());
        }
        if (Child(ntry, "AddtlNtryInf") is { } additional)
            texts.Add(additional.Value.Trim());
        var reference = Child(ntry, "AcctSvcrRef")?.Value.Trim()
            ?? ntry.Descendants().FirstOrDefault(e => e.Name.LocalName == "AcctSvcrRef")?.Value.Trim();
        var parties = ntry.Descendants().FirstOrDefault(e => e.Name.LocalName == "RltdPties");
        var debtor = parties?.Elements().FirstOrDefault(e => e.Name.LocalName == "Dbtr");
        var account = Iban(parties, "DbtrAcct");
        var related = ntry.Descendants().Where(e => e.Name.LocalName == "Refs").SelectMany(r => r.Elements())
            .Select(e => e.Value.Trim()).Where(v => v.Length > 0 && v != "NOTPROVIDED" && v != reference).Distinct(StringComparer.Ordinal).ToList();
        return new BankEntry
        {
            Reference = string.IsNullOrEmpty(reference) ? null : reference,
            Amount = decimal.Parse(amount.Value.Trim(), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture),
            Currency = amount.Attribute("Ccy")?.Value.Trim() ?? throw new FormatException("an amount has no currency (Ccy)."),
            IsCredit = (Child(ntry, "CdtDbtInd")?.Value.Trim() ?? throw new FormatException("an entry has no CdtDbtInd.")) == "CRDT",
            IsReversal = Child(ntry, "RvslInd")?.Value.Trim() is "true" or "1",
            IsBooked = status == "BOOK",
            BookingDate = Date(Child(ntry, "BookgDt")) ?? throw new FormatException("an entry has no BookgDt."),
            ValueDate = Date(Child(ntry, "ValDt")),
            Remittance = string.Join(' ', texts.Where(t => t.Length > 0)),
            Payer = debtor?.Descendants().FirstOrDefault(e => e.Name.LocalName == "Nm")?.Value.Trim(),
            PayerIban = Core.Payments.Iban.IsValid(account) ? Core.Payments.Iban.Normalize(account) : null,
            CounterpartyIban = Iban(parties, "CdtrAcct") is { } other && Core.Payments.Iban.IsValid(other) ? Core.Payments.Iban.Normalize(other) : null,
            RelatedReferences = related,
        };
    }

    private static string? Iban(XElement? parties, string account) =>
        parties?.Elements().FirstOrDefault(e => e.Name.LocalName == account)?.Descendants().FirstOrDefault(e => e.Name.LocalName == "IBAN")?.Value;

    /// <summary>Dt (ISODate) or DtTm (ISODateTime; the date as written, without converting zones).</summary>
    private static DateOnly? Date(XElement? holder) =>
        holder is null ? null
        : Child(holder, "Dt") is { } d ? DateOnly.ParseExact(d.Value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture)
        : Child(holder, "DtTm") is { } t && t.Value.Trim().Length >= 10 ? DateOnly.ParseExact(t.Value.Trim()[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture)
        : throw new FormatException($"{holder.Name.LocalName} has neither Dt nor DtTm.");

    private static XElement? Child(XElement parent, string localName) =>
        parent.Elements().FirstOrDefault(e => e.Name.LocalName == localName);
}

using System.Globalization;
using System.Text;

namespace Dunning.Bot.Tests.Banking;

/// <summary>
/// camt.053 and MT940 statements written by hand after the published layouts (ISO 20022 BkToCstmrStmt; SWIFT MT940 with
/// the German :86: subfields), in the remittance styles of a few banks.
/// </summary>
internal static class StatementFiles
{
    /// <summary>One camt entry. <paramref name="Body"/> is the NtryDtls/TxDtls content (RmtInf, RltdPties) as the bank writes it.</summary>
    public sealed record Camt(string Reference, decimal Amount, string Body = "", string Ccy = "EUR", string Direction = "CRDT", bool Reversal = false,
        string Booked = "2026-03-09", string Status = "<Sts><Cd>BOOK</Cd></Sts>");

    public static string Camt053(params Camt[] entries) => Camt053("EUR", entries);

    public static string Camt053(string accountCurrency, params Camt[] entries)
    {
        var sb = new StringBuilder();
        sb.Append("""
            <?xml version="1.0" encoding="UTF-8"?>
            <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">
              <BkToCstmrStmt>
                <GrpHdr><MsgId>STMT-2026-03-09</MsgId><CreDtTm>2026-03-09T18:00:00+01:00</CreDtTm></GrpHdr>
                <Stmt>
                  <Id>2026-03-09-001</Id>
                  <CreDtTm>2026-03-09T18:00:00+01:00</CreDtTm>
            """);
        sb.Append(CultureInfo.InvariantCulture, $"      <Acct><Id><IBAN>DE02120300000000202051</IBAN></Id><Ccy>{accountCurrency}</Ccy></Acct>\n");
        foreach (var e in entries)
        {
            sb.Append(CultureInfo.InvariantCulture, $"""
                      <Ntry>
                        <NtryRef>{e.Reference}</NtryRef>
                        <Amt Ccy="{e.Ccy}">{e.Amount.ToString(CultureInfo.InvariantCulture)}</Amt>
                        <CdtDbtInd>{e.Direction}</CdtDbtInd>
                        {(e.Reversal ? "<RvslInd>true</RvslInd>" : "")}
                        {e.Status}
                        <BookgDt><Dt>{e.Booked}</Dt></BookgDt>
                        <ValDt><Dt>{e.Booked}</Dt></ValDt>
                        <AcctSvcrRef>{e.Reference}</AcctSvcrRef>
                        <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd>
                        <NtryDtls><TxDtls>{e.Body}</TxDtls></NtryDtls>
                      </Ntry>

                """);
        }
        sb.Append("    </Stmt>\n  </BkToCstmrStmt>\n</Document>\n");
        return sb.ToString();
    }

    /// <summary>A Sparkasse-style transfer: the payer in RltdPties/Dbtr/Pty/Nm, the purpose in unstructured lines.</summary>
    public static string Unstructured(string payer, params string[] lines) =>
        $"<RltdPties><Dbtr><Pty><Nm>{payer}</Nm></Pty></Dbtr></RltdPties><RmtInf>{string.Concat(lines.Select(l => $"<Ustrd>{l}</Ustrd>"))}</RmtInf>";

    /// <summary>A transfer with the payer's account (RltdPties/DbtrAcct/Id/IBAN) and an unstructured purpose.</summary>
    public static string FromAccount(string payer, string iban, params string[] lines) =>
        $"<RltdPties><Dbtr><Pty><Nm>{payer}</Nm></Pty></Dbtr><DbtrAcct><Id><IBAN>{iban}</IBAN></Id></DbtrAcct></RltdPties><RmtInf>{string.Concat(lines.Select(l => $"<Ustrd>{l}</Ustrd>"))}</RmtInf>";

    /// <summary>A structured creditor reference (Strd/CdtrRefInf/Ref), as banks pass on an RF reference.</summary>
    public static string StructuredReference(string payer, string reference) =>
        $"<RltdPties><Dbtr><Nm>{payer}</Nm></Dbtr></RltdPties><RmtInf><Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry><Issr>ISO</Issr></Tp><Ref>{reference}</Ref></CdtrRefInf></Strd></RmtInf>";

    /// <summary>A structured remittance: the invoice number as a referred document (Strd/RfrdDocInf/Nb).</summary>
    public static string Structured(string payer, string number) =>
        $"<RltdPties><Dbtr><Nm>{payer}</Nm></Dbtr></RltdPties><RmtInf><Strd><RfrdDocInf><Nb>{number}</Nb></RfrdDocInf></Strd></RmtInf>";

    /// <summary>An MT940 statement; each entry is a :61: line (after the tag) and its :86: text.</summary>
    public static string Mt940(string openingCurrency, params (string Line61, string Details)[] entries)
    {
        var sb = new StringBuilder();
        sb.Append(":20:STARTUMSE\r\n:25:12030000/0000202051\r\n:28C:00059/001\r\n");
        sb.Append(CultureInfo.InvariantCulture, $":60F:C260306{openingCurrency}1000,00\r\n");
        foreach (var (line, details) in entries)
            sb.Append(":61:").Append(line).Append("\r\n:86:").Append(details.Replace("\n", "\r\n", StringComparison.Ordinal)).Append("\r\n");
        sb.Append(CultureInfo.InvariantCulture, $":62F:C260309{openingCurrency}2000,00\r\n-\r\n");
        return sb.ToString();
    }
}

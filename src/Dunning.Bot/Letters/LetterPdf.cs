using System.Globalization;
using Dunning.Bot.Channels.Email;
using Dunning.Bot.Core.Cases;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Messages;
using Dunning.Bot.Core.Payments;
using Dunning.Bot.Staff.CaseFiles;
using Microsoft.Extensions.Options;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using QRCoder;

namespace Dunning.Bot.Letters;

/// <summary>
/// Prints <see cref="FirstContactLetter"/>s as A4 PDF in the letter's language (<c>dialogs/letter.&lt;lang&gt;.yaml</c>):
/// the creditor's letterhead, the debtor's postal address in the window position of DIN 5008 form B, the open invoices,
/// how to pay with the GiroCode, the access code and QR codes for the web chat and Telegram links, the imprint in the
/// footer. Several letters make one document, each starting on a new page. Throws
/// <see cref="CaseFileFontMissingException"/> when no system font is installed.
/// </summary>
public sealed class LetterPdf(
    MessageCatalogue catalogue,
    IOptions<CreditorOptions> creditor,
    IOptions<PayeeOptions> payee,
    IOptions<EscalationOptions> owner)
{
    public const string Dialog = "letter";

    public byte[] Render(IReadOnlyList<FirstContactLetter> letters)
    {
        ArgumentNullException.ThrowIfNull(letters);
        if (letters.Count == 0)
            throw new ArgumentException("No letter to print.", nameof(letters));
        SystemFontResolver.EnsureInstalled();
        using var document = new PdfDocument();
        document.Info.Title = letters.Count == 1 ? Say(letters[0].Language, "title", new() { ["name"] = letters[0].Debtor.Name }) : CreditorName();
        document.Info.Creator = "Dunning.Bot";
        var starts = new List<int>();
        foreach (var letter in letters)
        {
            var canvas = new LetterCanvas(document);
            starts.Add(document.PageCount);
            Write(canvas, letter);
            canvas.Finish();
        }
        new LetterCanvas(document).Footers((page, _) =>
        {
            var i = starts.FindLastIndex(s => s < page);
            var end = i + 1 < starts.Count ? starts[i + 1] : document.PageCount;
            return [.. Imprint(), Say(letters[i].Language, "page", new() { ["number"] = page - starts[i], ["count"] = end - starts[i] })];
        }, LetterCanvas.Font(7));
        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }

    /// <summary>Convenience for one letter.</summary>
    public byte[] Render(FirstContactLetter letter) => Render([letter]);

    private void Write(LetterCanvas canvas, FirstContactLetter letter)
    {
        var language = letter.Language;
        canvas.Y = 0;
        Letterhead(canvas, language);
        Recipient(canvas, letter);
        canvas.Y = 97;
        canvas.Flow(Say(language, "subject"), LetterCanvas.Font(11, bold: true), after: 4);
        canvas.Flow(Salutation(letter.Debtor, language), Body, after: 2);
        canvas.Flow(Say(language, "intro", new() { ["count"] = letter.Open.Count, ["creditor"] = CreditorName() }), Body, after: 3);
        Invoices(canvas, letter);
        Payment(canvas, letter);
        Chat(canvas, letter);
        canvas.Room(20);
        canvas.Y += 3;
        canvas.Flow(Say(language, "closing"), Body, after: 6);
        canvas.Flow(string.IsNullOrWhiteSpace(creditor.Value.Signatory) ? CreditorName() : creditor.Value.Signatory.Trim(), Body, after: 0);
    }

    private void Letterhead(LetterCanvas canvas, string language)
    {
        var c = creditor.Value;
        canvas.Text(CreditorName(), LetterCanvas.Left, 12, LetterCanvas.Font(15, bold: true));
        var address = string.Join(" · ", c.AddressLines().Skip(string.IsNullOrWhiteSpace(c.Name) ? 0 : 1));
        if (address.Length > 0)
            canvas.Text(address, LetterCanvas.Left, 19.5, LetterCanvas.Font(8));
        var contact = Say(language, "contact", new() { ["phone"] = c.Phone.Trim(), ["email"] = c.Email.Trim(), ["website"] = c.Website.Trim() });
        if (contact.Length > 0)
            canvas.Text(contact, LetterCanvas.Left, 23.5, LetterCanvas.Font(8));
        canvas.Y = 29;
        canvas.Rule();
    }

    private void Recipient(LetterCanvas canvas, FirstContactLetter letter)
    {
        var returnLine = string.Join(" · ", creditor.Value.AddressLines().Prepend(CreditorName()).Distinct(StringComparer.Ordinal));
        canvas.Text(returnLine, LetterCanvas.Left, 46, LetterCanvas.Font(6.5));
        canvas.Y = 51;
        foreach (var line in AddressLines(letter))
            canvas.Flow(line, Body, x: LetterCanvas.Left, right: 105, after: 0);
        var date = letter.Date.ToString(Say(letter.Language, "date_format"), catalogue.Culture(letter.Language));
        canvas.Text($"{Say(letter.Language, "date_label")}: {date}", LetterCanvas.Right, 51, Small, alignRight: true);
        canvas.Text($"{Say(letter.Language, "customer_label")}: {letter.Debtor.Id}", LetterCanvas.Right, 55.5, Small, alignRight: true);
    }

    /// <summary>Name, contact person, street, postal code and city, and the country when it is not the owner's.</summary>
    private IEnumerable<string> AddressLines(FirstContactLetter letter)
    {
        var d = letter.Debtor;
        if (d.Kind == DebtorKind.Consumer && !string.IsNullOrWhiteSpace(d.Salutation))
            yield return d.Salutation.Trim();
        yield return d.Name;
        if (!string.IsNullOrWhiteSpace(d.ContactPerson) && d.Kind == DebtorKind.Business)
            yield return Say(letter.Language, "attention", new() { ["title"] = d.Salutation?.Trim() ?? "", ["person"] = d.ContactPerson.Trim() });
        foreach (var line in d.PostalLines())
            yield return line;
        if (!string.Equals(d.Country, owner.Value.Country, StringComparison.OrdinalIgnoreCase) && TryRegion(d.Country) is { } region)
            yield return region.EnglishName.ToUpperInvariant();
    }

    private string Salutation(Debtor debtor, string language) => catalogue.Render(EmailComposer.Dialog, "salutation", language, new Dictionary<string, object?>
    {
        ["title"] = debtor.Salutation?.Trim() ?? "",
        ["person"] = debtor.ContactPerson?.Trim() ?? "",
        ["name"] = debtor.Name,
        ["business"] = debtor.Kind == DebtorKind.Business,
    });

    private string Say(string language, string key, Dictionary<string, object?>? model = null) => catalogue.Render(Dialog, key, language, model);

    private string Money(Money amount, string language) => CurrencySymbols.Format(amount.Amount, amount.Currency, catalogue.Culture(language));

    private IEnumerable<string> Imprint() =>
        creditor.Value.Imprint.Where(l => !string.IsNullOrWhiteSpace(l)).Select(l => l.Trim());

    /// <summary><c>Creditor:Name</c>, else the payee's account holder.</summary>
    private string CreditorName() =>
        new[] { creditor.Value.Name, payee.Value.AccountHolder }.FirstOrDefault(n => !string.IsNullOrWhiteSpace(n))?.Trim() ?? "";

    private static RegionInfo? TryRegion(string country)
    {
        try
        {
            return new RegionInfo(country);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static QRCodeData Qr(string text)
    {
        using var generator = new QRCodeGenerator();
        return generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
    }

    private const double QrSize = 27;

    private static XFont Body => LetterCanvas.Font(10);

    private static XFont Small => LetterCanvas.Font(8.5);

    /// <summary>The open invoices as a table (number, invoice date, due date, open amount) and the total per currency.</summary>
    private void Invoices(LetterCanvas canvas, FirstContactLetter letter)
    {
        if (letter.Open.Count == 0)
            return;
        var language = letter.Language;
        var culture = catalogue.Culture(language);
        var format = Say(language, "date_format");
        var bold = LetterCanvas.Font(9, bold: true);
        var regular = LetterCanvas.Font(9);
        canvas.Room(6 * (letter.Open.Count + 2));
        Row(canvas, bold, Say(language, "column_invoice"), Say(language, "column_issued"), Say(language, "column_due"), Say(language, "column_open"));
        canvas.Rule();
        canvas.Y += 1;
        foreach (var invoice in letter.Open)
        {
            canvas.Room(5);
            Row(canvas, regular, invoice.Number, invoice.Invoice.IssueDate.ToString(format, culture), invoice.Invoice.DueDate.ToString(format, culture),
                Money(invoice.Due.Rounded(), language));
        }
        canvas.Rule();
        canvas.Y += 1;
        foreach (var total in letter.Totals)
            Row(canvas, bold, Say(language, "total"), "", "", Money(total, language));
        canvas.Y += 2;
        canvas.Flow(Say(language, "crossed"), Small, after: 3);
    }

    private static void Row(LetterCanvas canvas, XFont font, string number, string issued, string due, string open)
    {
        canvas.Text(Cut(number, 28), LetterCanvas.Left, canvas.Y, font);
        canvas.Text(issued, 80, canvas.Y, font);
        canvas.Text(due, 115, canvas.Y, font);
        canvas.Text(open, LetterCanvas.Right, canvas.Y, font, alignRight: true);
        canvas.Y += font.GetHeight() * 25.4 / 72 + 1;
    }

    /// <summary>The bank details on the left, the GiroCode with its caption on the right.</summary>
    private void Payment(LetterCanvas canvas, FirstContactLetter letter)
    {
        var language = letter.Language;
        var p = payee.Value;
        canvas.Room(QrSize + 14);
        canvas.Flow(Say(language, "payment_heading"), LetterCanvas.Font(11, bold: true), after: 1.5);
        var top = canvas.Y;
        if (!p.IsConfigured)
        {
            canvas.Flow(Say(language, "no_payee"), Body, after: 4);
            return;
        }
        canvas.Flow(Say(language, "payment_details", new()
        {
            ["holder"] = p.AccountHolder.Trim(),
            ["iban"] = Iban.Format(p.Iban),
            ["bic"] = string.IsNullOrWhiteSpace(p.Bic) ? "" : Bic.Normalize(p.Bic),
            ["bank"] = p.BankName.Trim(),
            ["reference"] = letter.Reference,
        }), Body, right: 118, after: 0);
        var bottom = canvas.Y;
        if (letter.GiroCode is { } code)
        {
            using var data = code.ToQrData();
            canvas.Qr(data, LetterCanvas.Right - QrSize, top, QrSize);
            canvas.Y = top + 1;
            canvas.Flow(Say(language, "girocode_caption"), LetterCanvas.Font(7.5), x: LetterCanvas.Right - QrSize - 38, right: LetterCanvas.Right - QrSize - 2, after: 0);
            bottom = Math.Max(bottom, top + QrSize);
        }
        canvas.Y = bottom + 5;
    }

    /// <summary>The chat invitation: the two QR codes (web chat, Telegram) on the left, the access code and its hint on the right.</summary>
    private void Chat(LetterCanvas canvas, FirstContactLetter letter)
    {
        var language = letter.Language;
        canvas.Room(QrSize + 30);
        canvas.Flow(Say(language, "chat_heading"), LetterCanvas.Font(11, bold: true), after: 1.5);
        canvas.Flow(Say(language, "chat_text"), Body, after: 3);
        var top = canvas.Y;
        var codes = new List<(string Caption, Uri Link)> { (Say(language, "qr_web"), letter.WebChat) };
        if (letter.Telegram is { } telegram)
            codes.Add((Say(language, "qr_telegram"), telegram));
        var x = LetterCanvas.Left;
        var bottom = top;
        foreach (var (caption, link) in codes)
        {
            using var data = Qr(link.AbsoluteUri);
            canvas.Qr(data, x, top, QrSize);
            canvas.Y = top + QrSize + 0.5;
            canvas.Flow(caption, LetterCanvas.Font(8, bold: true), x: x + 1, right: x + QrSize + 4, after: 0);
            bottom = Math.Max(bottom, canvas.Y);
            x += QrSize + 6;
        }
        canvas.Y = top + 3;
        var textLeft = LetterCanvas.Left + 2 * (QrSize + 6);
        canvas.Flow(Say(language, "access_code"), LetterCanvas.Font(10, bold: true), x: textLeft, after: 0.5);
        canvas.Flow(letter.Debtor.AccessCode, LetterCanvas.Font(16, bold: true), x: textLeft, after: 1.5);
        canvas.Flow(Say(language, "access_code_hint"), Small, x: textLeft, after: 0);
        canvas.Y = Math.Max(bottom, canvas.Y) + 4;
    }

    private static string Cut(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";
}

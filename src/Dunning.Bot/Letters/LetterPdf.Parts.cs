using Dunning.Bot.Core.Payments;
using PdfSharp.Drawing;

namespace Dunning.Bot.Letters;

public sealed partial class LetterPdf
{
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

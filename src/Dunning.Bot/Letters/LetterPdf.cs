using System.Globalization;
using Dunning.Bot.Channels.Email;
using Dunning.Bot.Core.Cases;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Messages;
using Dunning.Bot.Core.Payments;
using Dunning.Bot.Staff.CaseFiles;
using Microsoft.Extensions.Options;
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
public sealed partial class LetterPdf(
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
}

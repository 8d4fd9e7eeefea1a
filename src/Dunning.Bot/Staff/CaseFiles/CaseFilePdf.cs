using System.Globalization;
using Dunning.Bot.Core.Cases;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Messages;
using Microsoft.Extensions.Options;
using PdfSharp.Pdf;

namespace Dunning.Bot.Staff.CaseFiles;

/// <summary>
/// Renders a <see cref="CaseFile"/> as an A4 PDF in German or English (<c>dialogs/casefile.&lt;lang&gt;.yaml</c>, words
/// from <c>words.&lt;lang&gt;.yaml</c>): parties with the postal address, invoices with every amount, totals, reminders,
/// agreements, promises, objections, escalations, the case history and the transcript with its line breaks, buttons
/// and attachments, in that order. Times are in the owner's time zone (<c>Escalation:TimeZone</c>), amounts in the
/// language's format. Throws <see cref="CaseFileFontMissingException"/> (with what to install) when no font is found.
/// </summary>
public sealed partial class CaseFilePdf(MessageCatalogue catalogue, Words words, IOptions<EscalationOptions> owner)
{
    public const string Dialog = "casefile";

    /// <summary>The case file in <paramref name="language"/> (de or en); null or another value: the debtor's language.</summary>
    public byte[] Render(CaseFile file, string? language = null)
    {
        ArgumentNullException.ThrowIfNull(file);
        SystemFontResolver.EnsureInstalled();
        var text = new Writer(catalogue, words, Debtor.Languages.Contains(language ?? "") ? language! : file.Debtor.Language,
            TimeZoneInfo.FindSystemTimeZoneById(owner.Value.TimeZone));
        using var document = new PdfDocument();
        document.Info.Title = text.Say("document_title", new() { ["name"] = file.Debtor.Name, ["id"] = file.Debtor.Id });
        document.Info.Creator = "Dunning.Bot";
        var pen = new PdfPen(document);
        pen.Title(text.Say("title", new() { ["name"] = file.Debtor.Name }));
        pen.Line(text.Say("generated", new() { ["id"] = file.Debtor.Id, ["at"] = text.Time(file.GeneratedAt), ["by"] = file.GeneratedBy, ["zone"] = owner.Value.TimeZone }));
        Parties(pen, text, file);
        Invoices(pen, text, file);
        Events(pen, text, "reminders", file.Reminders);
        Agreements(pen, text, file.Agreements);
        Events(pen, text, "promises", file.Promises);
        Events(pen, text, "objections", file.Objections);
        Escalations(pen, text, file.Escalations);
        Proofs(pen, text, file.Proofs);
        Events(pen, text, "history", file.History);
        Transcript(pen, text, file);
        pen.Finish();
        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }

    /// <summary>The wording of one document: messages, words, and dates, times and amounts in its language and the owner's zone.</summary>
    private sealed class Writer(MessageCatalogue catalogue, Words words, string language, TimeZoneInfo zone)
    {
        private readonly CultureInfo culture = catalogue.Culture(language);

        public string Language => language;

        public string Say(string key, Dictionary<string, object?>? model = null) => catalogue.Render(Dialog, key, language, model);

        public string Word(string group, string name) => words.Of(group, name, language);

        /// <summary>A stored summary with the code's compound names in it (<c>RequestHuman</c>, <c>AwaitingApproval</c>) replaced by words.</summary>
        public string Summary(string summary) => words.Replace(summary, language);

        public string Channel(string conversation) => words.Channel(conversation, language);

        public string Time(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, zone).ToString(Say("time_format"), culture);

        public string Date(DateOnly date) => date.ToString(Say("date_format"), culture);

        public string Date(DateTimeOffset at) => Date(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime));

        public string Money(decimal amount, string currency) => CurrencySymbols.Format(amount, currency, culture);

        public string Percent(decimal percent) => (percent / 100m).ToString("0.##%", culture).Replace("%", " %", StringComparison.Ordinal);
    }
}

/// <summary>No font to render the PDF with; the message says what to install.</summary>
public sealed class CaseFileFontMissingException(string message) : Exception(message);

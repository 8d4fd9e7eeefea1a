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
public sealed class CaseFilePdf(MessageCatalogue catalogue, Words words, IOptions<EscalationOptions> owner)
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

    private static void Parties(PdfPen pen, Writer text, CaseFile file)
    {
        var d = file.Debtor;
        pen.Heading(text.Say("parties"));
        pen.Line(text.Say("creditor", new() { ["name"] = file.Creditor.Name ?? text.Say("not_configured"), ["iban"] = file.Creditor.Iban ?? "", ["bic"] = file.Creditor.Bic ?? "" }));
        pen.Line(text.Say("debtor", new() { ["name"] = d.Name, ["kind"] = text.Word("kind", d.Kind), ["country"] = d.State is { } st ? $"{d.Country}-{st}" : d.Country,
            ["language"] = d.Language, ["email"] = d.Email ?? "" }));
        pen.Line(d.PostalAddress.Count == 0 ? text.Say("no_address") : text.Say("address", new() { ["lines"] = string.Join(", ", d.PostalAddress) }));
        foreach (var c in d.Contacts)
        {
            pen.Line(text.Say("contact", new()
            {
                ["channel"] = text.Word("channel", c.Channel), ["address"] = c.Address,
                ["opted_out"] = c.OptedOutAt is { } o ? text.Time(o) : "", ["unreachable"] = c.DeadSince is { } dead ? text.Time(dead) : "",
            }));
        }
    }

    private static void Invoices(PdfPen pen, Writer text, CaseFile file)
    {
        pen.Heading(text.Say("invoices"));
        foreach (var i in file.Invoices)
        {
            string Money(decimal amount) => text.Money(amount, i.Currency);
            pen.Bold(text.Say("invoice", new()
            {
                ["number"] = i.Number, ["issued"] = text.Date(i.IssueDate), ["due"] = text.Date(i.DueDate), ["status"] = text.Word("status", i.Status),
                ["stage"] = text.Word("stage", i.StageKey ?? i.Stage.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            }));
            pen.Line(text.Say("amounts", new()
            {
                ["principal"] = Money(i.Principal), ["paid"] = Money(i.Paid), ["interest"] = Money(i.Interest),
                ["rate"] = i.InterestRatePercent is { } rate ? text.Percent(rate) : "", ["fees"] = Money(i.Fees),
                ["written_off"] = i.WrittenOff > 0m ? Money(i.WrittenOff) : "", ["due"] = Money(i.Due), ["deadline"] = text.Date(i.Deadline),
            }));
            pen.Line(i.DefaultSince is { } since
                ? text.Say("in_default", new()
                {
                    ["since"] = text.Date(since), ["reason"] = text.Word("default", i.DefaultReasonName ?? ""),
                    ["reason_date"] = i.DefaultReasonDate is { } on ? text.Date(on) : "",
                })
                : text.Say("not_in_default"));
            foreach (var p in i.Payments)
            {
                pen.Line(text.Say("payment", new()
                {
                    ["date"] = text.Date(p.Date), ["amount"] = Money(p.Amount), ["reference"] = p.Reference ?? "", ["fees"] = Money(p.ToFees),
                    ["interest"] = Money(p.ToInterest), ["principal"] = Money(p.ToPrincipal), ["credit"] = p.ToCredit > 0m ? Money(p.ToCredit) : "",
                }));
            }
            foreach (var w in i.WriteOffs)
                pen.Line(text.Say("write_off", new() { ["date"] = text.Date(w.Date), ["amount"] = Money(w.Amount), ["by"] = w.By, ["reason"] = w.Reason }));
            if (i.Dispute is { } dispute)
                pen.Line(text.Say("disputed", new() { ["reason"] = dispute }));
            if (i.PauseReason is { } pause)
            {
                pen.Line(text.Say("paused", new()
                {
                    ["reason"] = pause, ["since"] = i.PauseSince is { } from ? text.Date(from) : "", ["until"] = i.PauseUntil is { } until ? text.Date(until) : "",
                }));
            }
        }
        pen.Bold(text.Say("total_due", new() { ["amounts"] = string.Join(", ", file.TotalDue.Select(t => text.Money(t.Amount, t.Currency))) }));
    }

    private static void Agreements(PdfPen pen, Writer text, IReadOnlyList<CaseFileAgreement> agreements)
    {
        pen.Heading(text.Say("agreements"));
        if (agreements.Count == 0)
            pen.Line(text.Say("none"));
        foreach (var a in agreements)
        {
            pen.Line(text.Say("agreement", new()
            {
                ["kind"] = text.Word("agreement", a.Kind), ["state"] = text.Word("state", a.State), ["amount"] = text.Money(a.Amount, a.Currency),
                ["invoices"] = string.Join(", ", a.Invoices), ["made"] = text.Time(a.CreatedAt), ["decided_by"] = a.DecidedBy ?? "",
                ["decided_at"] = a.DecidedAt is { } at ? text.Time(at) : "", ["breaks"] = a.Breaks,
            }));
            foreach (var s in a.Schedule)
                pen.Line(text.Say("instalment", new() { ["due"] = text.Date(s.DueDate), ["amount"] = text.Money(s.Amount, a.Currency), ["paid"] = s.PaidOn is { } paid ? text.Date(paid) : "" }));
        }
    }

    private static void Escalations(PdfPen pen, Writer text, IReadOnlyList<CaseFileEscalation> escalations)
    {
        pen.Heading(text.Say("escalations"));
        if (escalations.Count == 0)
            pen.Line(text.Say("none"));
        foreach (var e in escalations)
        {
            pen.Line(text.Say("escalation", new()
            {
                ["at"] = text.Time(e.RaisedAt), ["reason"] = text.Word("reason", e.Reason), ["priority"] = text.Word("priority", e.Priority),
                ["state"] = text.Word("escalation", e.State), ["assigned"] = e.AssignedTo ?? "", ["detail"] = text.Summary(e.Detail ?? ""),
            }));
        }
    }

    private static void Proofs(PdfPen pen, Writer text, IReadOnlyList<CaseFileProof> proofs)
    {
        pen.Heading(text.Say("proofs"));
        if (proofs.Count == 0)
            pen.Line(text.Say("none"));
        foreach (var p in proofs)
        {
            pen.Line(text.Say("proof", new()
            {
                ["at"] = text.Time(p.ReceivedAt), ["name"] = p.Name, ["type"] = p.ContentType, ["size"] = p.Size, ["channel"] = text.Channel(p.Channel),
                ["invoices"] = string.Join(", ", p.Invoices), ["sha256"] = p.Sha256,
            }));
        }
    }

    private static void Events(PdfPen pen, Writer text, string heading, IReadOnlyList<CaseFileEvent> events)
    {
        pen.Heading(text.Say(heading));
        if (events.Count == 0)
            pen.Line(text.Say("none"));
        foreach (var e in events)
        {
            pen.Line(text.Say("event", new()
            {
                ["at"] = text.Time(e.At), ["kind"] = text.Word("event", e.Kind), ["channel"] = e.Channel is { } c ? text.Word("channel", c) : "",
                ["actor"] = e.Actor ?? "", ["summary"] = text.Summary(e.Summary), ["invoices"] = string.Join(", ", e.Invoices),
            }));
        }
    }

    /// <summary>Each message as the debtor saw it: who and when, the text with its line breaks, then its buttons and attachments.</summary>
    private static void Transcript(PdfPen pen, Writer text, CaseFile file)
    {
        pen.Heading(text.Say("transcript"));
        if (file.Transcript.Count == 0)
            pen.Line(text.Say("none"));
        foreach (var m in file.Transcript)
        {
            var who = m.Direction == "Inbound" ? file.Debtor.Name : m.Sender is null or "bot" ? text.Say("who_bot") : m.Sender;
            pen.Bold(text.Say("message", new() { ["at"] = text.Time(m.At), ["channel"] = text.Channel(m.Conversation), ["who"] = who }));
            if (!string.IsNullOrEmpty(m.Text))
                pen.Line(m.Text);
            if (m.Buttons.Count > 0)
                pen.Line(text.Say("buttons", new() { ["labels"] = string.Join(" | ", m.Buttons.Select(b => $"[{b}]")) }));
            foreach (var attachment in m.Attachments)
                pen.Line(text.Say("attachment", new() { ["name"] = attachment }));
        }
    }
}

/// <summary>No font to render the PDF with; the message says what to install.</summary>
public sealed class CaseFileFontMissingException(string message) : Exception(message);

using System.Globalization;
using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;

namespace Dunning.Bot.Staff.CaseFiles;

/// <summary>
/// Renders a <see cref="CaseFile"/> as an A4 PDF: parties, invoices with every amount, totals, reminders, agreements,
/// promises, objections, escalations, the case history and the transcript, in that order, wrapping and breaking pages
/// as needed. Throws <see cref="CaseFileFontMissingException"/> (with what to install) when no system font is found.
/// </summary>
public sealed class CaseFilePdf
{
    private static readonly Lock FontGate = new();
    private static bool fontsReady;

    public byte[] Render(CaseFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        EnsureFonts();
        using var document = new PdfDocument();
        document.Info.Title = $"Case file {file.Debtor.Name} ({file.Debtor.Id})";
        document.Info.Subject = "Collection case file";
        document.Info.Creator = "Dunning.Bot";
        var pen = new PdfPen(document);
        pen.Title($"Case file: {file.Debtor.Name}");
        pen.Line($"Debtor id {file.Debtor.Id} · generated {Stamp(file.GeneratedAt)} by {file.GeneratedBy}");
        pen.Heading("Parties");
        pen.Line($"Creditor: {file.Creditor.Name ?? "(not configured)"}" + (file.Creditor.Iban is { } iban ? $", IBAN {iban}" : "") + (file.Creditor.Bic is { } bic ? $", BIC {bic}" : ""));
        pen.Line($"Debtor: {file.Debtor.Name} ({file.Debtor.Kind}), {file.Debtor.Country}{(file.Debtor.State is { } st ? "-" + st : "")}, language {file.Debtor.Language}"
            + (file.Debtor.Email is { } mail ? $", {mail}" : ""));
        foreach (var contact in file.Debtor.Contacts)
            pen.Line($"  {contact.Channel}: {contact.Address}{(contact.OptedOutAt is { } o ? $" (opted out {Stamp(o)})" : "")}{(contact.DeadSince is { } d ? $" (unreachable since {Stamp(d)})" : "")}");

        pen.Heading("Invoices");
        foreach (var i in file.Invoices)
        {
            pen.Bold($"{i.Number}: issued {i.IssueDate:yyyy-MM-dd}, due {i.DueDate:yyyy-MM-dd}, {i.Status}, stage {i.Stage}");
            pen.Line($"  principal {Amount(i.Principal, i.Currency)} · paid {Amount(i.Paid, i.Currency)} · interest {Amount(i.Interest, i.Currency)}"
                + (i.InterestRatePercent is { } rate ? $" ({rate.ToString("0.##", CultureInfo.InvariantCulture)} % p.a.)" : "")
                + $" · fees {Amount(i.Fees, i.Currency)}" + (i.WrittenOff > 0m ? $" · written off {Amount(i.WrittenOff, i.Currency)}" : "")
                + $" · due {Amount(i.Due, i.Currency)} · deadline {i.Deadline:yyyy-MM-dd}");
            pen.Line(i.DefaultSince is { } since
                ? $"  in default since {since:yyyy-MM-dd} ({i.DefaultReason?.Replace('_', ' ')} {i.DefaultReasonDate:yyyy-MM-dd})"
                : "  not in default");
            foreach (var p in i.Payments)
                pen.Line($"  payment {p.Date:yyyy-MM-dd} {Amount(p.Amount, i.Currency)}{(p.Reference is { } r ? $" ({r})" : "")}: "
                    + $"costs {Amount(p.ToFees, i.Currency)}, interest {Amount(p.ToInterest, i.Currency)}, principal {Amount(p.ToPrincipal, i.Currency)}"
                    + (p.ToCredit > 0m ? $", credit {Amount(p.ToCredit, i.Currency)}" : ""));
            foreach (var w in i.WriteOffs)
                pen.Line($"  written off {w.Date:yyyy-MM-dd} {Amount(w.Amount, i.Currency)} by {w.By}: {w.Reason}");
            if (i.Dispute is { } dispute)
                pen.Line($"  disputed: {dispute}");
            if (i.Pause is { } pause)
                pen.Line($"  paused: {pause}");
        }
        pen.Bold("Total due: " + (file.TotalDue.Count == 0 ? "nothing" : string.Join(", ", file.TotalDue.Select(t => Amount(t.Amount, t.Currency)))));

        Events(pen, "Reminders", file.Reminders);
        pen.Heading("Agreements");
        if (file.Agreements.Count == 0)
            pen.Line("none");
        foreach (var a in file.Agreements)
        {
            pen.Line($"{a.Id}: {a.Kind}, {a.State}, {Amount(a.Amount, a.Currency)} for {string.Join(", ", a.Invoices)}; made {Stamp(a.CreatedAt)}"
                + (a.DecidedBy is { } by ? $", decided by {by} {(a.DecidedAt is { } at ? Stamp(at) : "")}" : "") + (a.Breaks > 0 ? $", {a.Breaks} missed" : ""));
            foreach (var s in a.Schedule)
                pen.Line($"  {s.DueDate:yyyy-MM-dd} {Amount(s.Amount, a.Currency)}{(s.PaidOn is { } paid ? $" paid {paid:yyyy-MM-dd}" : "")}");
        }
        Events(pen, "Promises", file.Promises);
        Events(pen, "Objections", file.Objections);
        pen.Heading("Escalations");
        if (file.Escalations.Count == 0)
            pen.Line("none");
        foreach (var e in file.Escalations)
            pen.Line($"{Stamp(e.RaisedAt)} {e.Reason} ({e.Priority}, {e.State}){(e.AssignedTo is { } who ? $", {who}" : "")}{(e.Detail is { } d ? $": {d}" : "")}");
        pen.Heading("Proof of payment");
        if (file.Proofs.Count == 0)
            pen.Line("none");
        foreach (var p in file.Proofs)
            pen.Line($"{Stamp(p.ReceivedAt)} {p.Name} ({p.ContentType}, {p.Size.ToString("#,##0", CultureInfo.InvariantCulture)} bytes, via {p.Channel})"
                + (p.Invoices.Count > 0 ? $" [{string.Join(", ", p.Invoices)}]" : "") + $" SHA-256 {p.Sha256}");
        Events(pen, "Case history", file.History);
        pen.Heading("Conversation transcript");
        if (file.Transcript.Count == 0)
            pen.Line("none");
        foreach (var m in file.Transcript)
            pen.Line($"{Stamp(m.At)} [{m.Conversation}] {(m.Direction == "Inbound" ? "debtor" : m.Sender ?? "bot")}: {m.Text}");

        pen.Finish();
        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }

    private static void Events(PdfPen pen, string title, IReadOnlyList<CaseFileEvent> events)
    {
        pen.Heading(title);
        if (events.Count == 0)
            pen.Line("none");
        foreach (var e in events)
            pen.Line($"{Stamp(e.At)} {e.Kind}{(e.Channel is { } c ? $" via {c}" : "")}{(e.Actor is { } a ? $" ({a})" : "")}: {e.Summary}"
                + (e.Invoices.Count > 0 ? $" [{string.Join(", ", e.Invoices)}]" : ""));
    }

    private static string Stamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    private static string Amount(decimal amount, string currency) => $"{amount.ToString("#,##0.00", CultureInfo.InvariantCulture)} {currency}";

    private static void EnsureFonts()
    {
        lock (FontGate)
        {
            if (fontsReady)
                return;
            if (GlobalFontSettings.FontResolver is null)
                GlobalFontSettings.FontResolver = SystemFontResolver.Find() ?? throw new CaseFileFontMissingException(SystemFontResolver.MissingMessage);
            fontsReady = true;
        }
    }
}

/// <summary>No font to render the PDF with; the message says what to install.</summary>
public sealed class CaseFileFontMissingException(string message) : Exception(message);

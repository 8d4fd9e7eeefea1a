using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dunning.Bot.Api;

/// <summary><c>/api/v1/invoices</c>: create, update, pay, pause and resume invoices.</summary>
internal static class InvoicesApi
{
    public static RouteGroupBuilder MapInvoices(this RouteGroupBuilder api)
    {
        var invoices = api.MapGroup("/invoices").WithTags("Invoices");
        invoices.MapGet("/{number}", GetAsync).WithSummary("One invoice with balance and status");
        invoices.MapPut("/{number}", PutAsync).WithSummary("Create or update an invoice");
        invoices.MapPost("/{number}/payments", PayAsync).WithSummary("Record a payment (partial or over)");
        invoices.MapPut("/{number}/pause", PauseAsync).WithSummary("Pause dunning (Mahnstopp) with a reason and optional expiry");
        invoices.MapDelete("/{number}/pause", ResumeAsync).WithSummary("Resume dunning");
        return api;
    }

    private static string Caller(HttpContext http) => http.Items[ApiGate.CallerItem] as string ?? "api";

    internal static async Task<Results<Ok<InvoiceResponse>, ProblemHttpResult>> GetAsync(
        string number, IInvoiceStore invoices, TimeProvider clock, CancellationToken ct) =>
        await invoices.FindAsync(number, ct) is { } invoice
            ? TypedResults.Ok(InvoiceResponse.From(invoice, clock.GetUtcNow()))
            : Problems.NotFound($"No invoice with number '{number}'.");

    internal static async Task<Results<Ok<InvoiceResponse>, Created<InvoiceResponse>, ValidationProblem, ProblemHttpResult>> PutAsync(
        string number, InvoiceRequest body, IInvoiceStore invoices, IDebtorStore debtors, ICaseStore cases,
        TimeProvider clock, CancellationToken ct)
    {
        if (!Identifiers.IsValid(number))
            return Identifiers.Problem("number", number);
        if (await debtors.FindAsync(body.DebtorId, ct) is null)
            return Problems.Invalid($"No debtor with id '{body.DebtorId}': create it first with PUT /api/v1/debtors/{{id}}.");

        var lines = body.Lines?.Select(l => new InvoiceLine(l.Description, l.Quantity, l.UnitPrice, l.VatRate)).ToList();
        var invoice = await invoices.FindAsync(number, ct);
        var created = invoice is null;
        if (invoice is null)
        {
            invoice = Invoice.Create(number, body.DebtorId, body.IssueDate, body.DueDate, body.Currency, body.Total, lines, body.DocumentLink);
        }
        else
        {
            if (invoice.IssueDate != body.IssueDate || invoice.Currency != Currency.Normalize(body.Currency))
                return Problems.Conflict($"Invoice {number} exists with issue date {invoice.IssueDate:yyyy-MM-dd} and currency {invoice.Currency}; these cannot change.");
            invoice.DebtorId = body.DebtorId;
            invoice.DueDate = body.DueDate;
            invoice.Lines.Clear();
            invoice.Lines.AddRange(lines ?? []);
            invoice.SetTotal(body.Total);
            invoice.DocumentLink = body.DocumentLink;
        }
        await invoices.SaveAsync(invoice, ct);
        await cases.TouchAsync(invoice.DebtorId, clock.GetUtcNow(), ct);

        var response = InvoiceResponse.From(invoice, clock.GetUtcNow());
        return created ? TypedResults.Created($"/api/v1/invoices/{Uri.EscapeDataString(number)}", response) : TypedResults.Ok(response);
    }

    internal static async Task<Results<Ok<InvoiceResponse>, ProblemHttpResult>> PayAsync(
        string number, PaymentRequest body, IInvoiceStore invoices, ICaseStore cases, HttpContext http, TimeProvider clock, CancellationToken ct)
    {
        if (await invoices.FindAsync(number, ct) is not { } invoice)
            return Problems.NotFound($"No invoice with number '{number}'.");
        invoice.RecordPayment(new Payment(body.Date, body.Amount, body.Reference));
        await invoices.SaveAsync(invoice, ct);
        await cases.RecordAsync(invoice.DebtorId, clock.GetUtcNow(), CaseActionKinds.Payment,
            $"Payment of {body.Amount} {invoice.Currency} on {body.Date:yyyy-MM-dd} ({body.Reference})", [number], Caller(http), ct);
        return TypedResults.Ok(InvoiceResponse.From(invoice, clock.GetUtcNow()));
    }

    internal static async Task<Results<Ok<InvoiceResponse>, ProblemHttpResult>> PauseAsync(
        string number, PauseRequest body, IInvoiceStore invoices, ICaseStore cases, HttpContext http, TimeProvider clock, CancellationToken ct)
    {
        if (await invoices.FindAsync(number, ct) is not { } invoice)
            return Problems.NotFound($"No invoice with number '{number}'.");
        var now = clock.GetUtcNow();
        invoice.PauseDunning(body.Reason, body.Until, now);
        await invoices.SaveAsync(invoice, ct);
        await cases.RecordAsync(invoice.DebtorId, now, CaseActionKinds.Pause,
            $"Dunning paused: {invoice.Pause!.Reason}" + (body.Until is { } until ? $" until {until:yyyy-MM-dd HH:mm}" : ""), [number], Caller(http), ct);
        return TypedResults.Ok(InvoiceResponse.From(invoice, now));
    }

    internal static async Task<Results<Ok<InvoiceResponse>, ProblemHttpResult>> ResumeAsync(
        string number, IInvoiceStore invoices, ICaseStore cases, HttpContext http, TimeProvider clock, CancellationToken ct)
    {
        if (await invoices.FindAsync(number, ct) is not { } invoice)
            return Problems.NotFound($"No invoice with number '{number}'.");
        var now = clock.GetUtcNow();
        invoice.ResumeDunning();
        await invoices.SaveAsync(invoice, ct);
        await cases.RecordAsync(invoice.DebtorId, now, CaseActionKinds.Pause, "Dunning resumed", [number], Caller(http), ct);
        return TypedResults.Ok(InvoiceResponse.From(invoice, now));
    }
}

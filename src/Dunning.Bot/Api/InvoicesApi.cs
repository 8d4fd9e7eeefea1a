using Dunning.Bot.Core.Claims;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Core.Statements;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dunning.Bot.Api;

/// <summary><c>/api/v1/invoices</c>: create, update, pay, write off, pause and resume invoices; each answer carries the claim.</summary>
internal static class InvoicesApi
{
    public static RouteGroupBuilder MapInvoices(this RouteGroupBuilder api)
    {
        var invoices = api.MapGroup("/invoices").WithTags("Invoices");
        invoices.MapGet("/{number}", GetAsync).WithSummary("One invoice with balance and status");
        invoices.MapPut("/{number}", PutAsync).WithSummary("Create or update an invoice");
        invoices.MapPost("/{number}/payments", PayAsync).WithSummary("Record a payment (partial or over), allocated to costs, interest, principal");
        invoices.MapPost("/{number}/write-offs", WriteOffAsync).WithSummary("Write off part or all of the open claim, with a reason");
        invoices.MapPut("/{number}/pause", PauseAsync).WithSummary("Pause dunning (Mahnstopp) with a reason and optional expiry");
        invoices.MapDelete("/{number}/pause", ResumeAsync).WithSummary("Resume dunning");
        return api;
    }

    private static string Caller(HttpContext http) => http.Items[ApiGate.CallerItem] as string ?? "api";

    internal static async Task<Results<Ok<InvoiceResponse>, ProblemHttpResult>> GetAsync(
        string number, IInvoiceStore invoices, IDebtorStore debtors, InvoiceStatements statements, CancellationToken ct) =>
        await invoices.FindAsync(number, ct) is { } invoice
            ? TypedResults.Ok(await RespondAsync(invoice, debtors, statements, ct))
            : Problems.NotFound($"No invoice with number '{number}'.");

    /// <summary>The invoice as the debtor's statement shows it now.</summary>
    private static async Task<InvoiceResponse> RespondAsync(Invoice invoice, IDebtorStore debtors, InvoiceStatements statements, CancellationToken ct)
    {
        var debtor = await debtors.FindAsync(invoice.DebtorId, ct)
            ?? throw new ConcurrencyConflictException($"Debtor {invoice.DebtorId} of invoice {invoice.Number} was removed meanwhile.");
        return InvoiceResponse.From(await statements.ForInvoiceAsync(invoice, debtor, ct));
    }

    internal static async Task<Results<Ok<InvoiceResponse>, Created<InvoiceResponse>, ValidationProblem, ProblemHttpResult>> PutAsync(
        string number, InvoiceRequest body, IInvoiceStore invoices, IDebtorStore debtors, ICaseStore cases,
        InvoiceStatements statements, TimeProvider clock, CancellationToken ct)
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
            invoice.DueDateAgreed = body.DueDateAgreed;
            invoice.DefaultNotice = body.DefaultNotice;
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
            invoice.DueDateAgreed = body.DueDateAgreed ?? invoice.DueDateAgreed;
            invoice.DefaultNotice = body.DefaultNotice ?? invoice.DefaultNotice;
        }
        await invoices.SaveAsync(invoice, ct);
        await cases.TouchAsync(invoice.DebtorId, clock.GetUtcNow(), ct);

        var response = await RespondAsync(invoice, debtors, statements, ct);
        return created ? TypedResults.Created($"/api/v1/invoices/{Uri.EscapeDataString(number)}", response) : TypedResults.Ok(response);
    }

    internal static async Task<Results<Ok<InvoiceResponse>, ProblemHttpResult>> PayAsync(
        string number, PaymentRequest body, ClaimBook book, IInvoiceStore invoices, IDebtorStore debtors, InvoiceStatements statements,
        HttpContext http, CancellationToken ct)
    {
        if (await book.PayAsync(number, new Payment(body.Date, body.Amount, body.Reference), Caller(http), ct) is null
            || await invoices.FindAsync(number, ct) is not { } invoice)
            return Problems.NotFound($"No invoice with number '{number}'.");
        return TypedResults.Ok(await RespondAsync(invoice, debtors, statements, ct));
    }

    internal static async Task<Results<Ok<InvoiceResponse>, ProblemHttpResult>> WriteOffAsync(
        string number, WriteOffRequest body, ClaimBook book, IInvoiceStore invoices, IDebtorStore debtors, InvoiceStatements statements,
        HttpContext http, CancellationToken ct)
    {
        if (await book.WriteOffAsync(number, body.Amount, body.Reason, Caller(http), ct) is null
            || await invoices.FindAsync(number, ct) is not { } invoice)
            return Problems.NotFound($"No invoice with number '{number}'.");
        return TypedResults.Ok(await RespondAsync(invoice, debtors, statements, ct));
    }

    internal static async Task<Results<Ok<InvoiceResponse>, ProblemHttpResult>> PauseAsync(
        string number, PauseRequest body, IInvoiceStore invoices, IDebtorStore debtors, ICaseStore cases, InvoiceStatements statements,
        HttpContext http, TimeProvider clock, CancellationToken ct)
    {
        if (await invoices.FindAsync(number, ct) is not { } invoice)
            return Problems.NotFound($"No invoice with number '{number}'.");
        var now = clock.GetUtcNow();
        invoice.PauseDunning(body.Reason, body.Until, now);
        await invoices.SaveAsync(invoice, ct);
        await cases.RecordAsync(invoice.DebtorId, now, CaseActionKinds.Pause,
            $"Dunning paused: {invoice.Pause!.Reason}" + (body.Until is { } until ? $" until {until:yyyy-MM-dd HH:mm}" : ""), [number], Caller(http), ct);
        return TypedResults.Ok(await RespondAsync(invoice, debtors, statements, ct));
    }

    internal static async Task<Results<Ok<InvoiceResponse>, ProblemHttpResult>> ResumeAsync(
        string number, IInvoiceStore invoices, IDebtorStore debtors, ICaseStore cases, InvoiceStatements statements,
        HttpContext http, TimeProvider clock, CancellationToken ct)
    {
        if (await invoices.FindAsync(number, ct) is not { } invoice)
            return Problems.NotFound($"No invoice with number '{number}'.");
        var now = clock.GetUtcNow();
        invoice.ResumeDunning();
        await invoices.SaveAsync(invoice, ct);
        await cases.RecordAsync(invoice.DebtorId, now, CaseActionKinds.Pause, "Dunning resumed", [number], Caller(http), ct);
        return TypedResults.Ok(await RespondAsync(invoice, debtors, statements, ct));
    }
}

using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Core.Statements;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dunning.Bot.Api;

/// <summary><c>/api/v1/cases</c>: each debtor's case with its invoices (open claims, default), agreements, stages and next action.</summary>
internal static class CasesApi
{
    public static RouteGroupBuilder MapCases(this RouteGroupBuilder api)
    {
        var cases = api.MapGroup("/cases").WithTags("Cases");
        cases.MapGet("/", ListAsync).WithSummary("All cases with open invoices and the next scheduled action");
        cases.MapGet("/{debtorId}", GetAsync).WithSummary("One debtor's case");
        return api;
    }

    internal static async Task<Ok<CaseResponse[]>> ListAsync(ICaseStore cases, IDebtorStore debtors, IAgreementStore agreements,
        InvoiceStatements statements, CancellationToken ct)
    {
        var all = new List<CaseResponse>();
        foreach (var dunningCase in await cases.ListAsync(ct))
        {
            if (await DescribeAsync(dunningCase, debtors, agreements, statements, ct) is { } response)
                all.Add(response);
        }
        return TypedResults.Ok(all.ToArray());
    }

    internal static async Task<Results<Ok<CaseResponse>, ProblemHttpResult>> GetAsync(string debtorId, ICaseStore cases,
        IDebtorStore debtors, IAgreementStore agreements, InvoiceStatements statements, CancellationToken ct) =>
        await cases.FindAsync(debtorId, ct) is { } dunningCase
        && await DescribeAsync(dunningCase, debtors, agreements, statements, ct) is { } response
            ? TypedResults.Ok(response)
            : Problems.NotFound($"No case for debtor '{debtorId}'.");

    private static async Task<CaseResponse?> DescribeAsync(DunningCase dunningCase, IDebtorStore debtors, IAgreementStore agreements,
        InvoiceStatements statements, CancellationToken ct)
    {
        if (await debtors.FindAsync(dunningCase.DebtorId, ct) is not { } debtor)
            return null;
        var items = (await statements.ForDebtorAsync(debtor, ct)).Invoices
            .Select(s => new CaseInvoice(s.Number, s.Stage, s.Status, s.Due.Amount, s.Due.Currency, s.Invoice.DueDate,
                s.Claim.DefaultSince, InvoiceResponse.WireName(s.Claim.DefaultReason)))
            .ToList();
        var deals = (await agreements.ListByDebtorAsync(debtor.Id, ct))
            .OrderBy(a => a.CreatedAt)
            .Select(a => new CaseAgreement(a.Id, Wire.Name(a.Kind), Wire.Name(a.State), a.InvoiceNumbers, a.Amount, a.Currency, a.Schedule,
                a.CreatedAt, a.DecidedAt, a.DecidedBy))
            .ToList();
        return new CaseResponse(debtor.Id, debtor.Name, items, deals, dunningCase.NextActionAt, dunningCase.LastContactAt, dunningCase.History.Count);
    }
}

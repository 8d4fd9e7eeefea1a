using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dunning.Bot.Api;

/// <summary><c>/api/v1/cases</c>: each debtor's case with its invoices, stages and next action.</summary>
internal static class CasesApi
{
    public static RouteGroupBuilder MapCases(this RouteGroupBuilder api)
    {
        var cases = api.MapGroup("/cases").WithTags("Cases");
        cases.MapGet("/", ListAsync).WithSummary("All cases with open invoices and the next scheduled action");
        cases.MapGet("/{debtorId}", GetAsync).WithSummary("One debtor's case");
        return api;
    }

    internal static async Task<Ok<CaseResponse[]>> ListAsync(ICaseStore cases, IDebtorStore debtors, IInvoiceStore invoices,
        TimeProvider clock, CancellationToken ct)
    {
        var all = new List<CaseResponse>();
        foreach (var dunningCase in await cases.ListAsync(ct))
        {
            if (await DescribeAsync(dunningCase, debtors, invoices, clock.GetUtcNow(), ct) is { } response)
                all.Add(response);
        }
        return TypedResults.Ok(all.ToArray());
    }

    internal static async Task<Results<Ok<CaseResponse>, ProblemHttpResult>> GetAsync(string debtorId, ICaseStore cases,
        IDebtorStore debtors, IInvoiceStore invoices, TimeProvider clock, CancellationToken ct) =>
        await cases.FindAsync(debtorId, ct) is { } dunningCase
        && await DescribeAsync(dunningCase, debtors, invoices, clock.GetUtcNow(), ct) is { } response
            ? TypedResults.Ok(response)
            : Problems.NotFound($"No case for debtor '{debtorId}'.");

    private static async Task<CaseResponse?> DescribeAsync(DunningCase dunningCase, IDebtorStore debtors, IInvoiceStore invoices,
        DateTimeOffset now, CancellationToken ct)
    {
        if (await debtors.FindAsync(dunningCase.DebtorId, ct) is not { } debtor)
            return null;
        var items = (await invoices.ListByDebtorAsync(debtor.Id, ct))
            .Select(i => new CaseInvoice(i.Number, dunningCase.StageOf(i.Number), i.StatusAt(now), i.OpenBalance, i.Currency, i.DueDate))
            .ToList();
        return new CaseResponse(debtor.Id, debtor.Name, items, dunningCase.NextActionAt, dunningCase.LastContactAt, dunningCase.History.Count);
    }
}

using Dunning.Bot.Core.Claims;
using Dunning.Bot.Core.Policies;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Core.Statements;
using Microsoft.Extensions.Options;

namespace Dunning.Bot.Core.Tests.Claims;

/// <summary>Real ledgers and statements from options (the defaults unless given), as the host builds them.</summary>
internal static class Ledgers
{
    public static ClaimLedger Ledger(ClaimOptions? claim = null, DunningLadderOptions? ladder = null, StatutoryInterestOptions? interest = null) =>
        new(Options.Create(claim ?? new ClaimOptions()),
            new StatutoryInterest(Options.Create(interest ?? new StatutoryInterestOptions())),
            new DunningLadder(Options.Create(ladder ?? new DunningLadderOptions())));

    public static InvoiceStatements Statements(IInvoiceStore invoices, ICaseStore cases, TimeProvider clock,
        DunningLadderOptions? ladder = null, StatutoryInterestOptions? interest = null, ClaimOptions? claim = null) =>
        new(invoices, cases, Ledger(claim, ladder, interest), clock);
}

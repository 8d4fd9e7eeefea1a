using System.Globalization;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Core.Statements;
using Microsoft.Extensions.DependencyInjection;

namespace Dunning.Bot.Tests.EndToEnd;

/// <summary>
/// The debtor's whole open claim now, from the same statement the bot negotiates on (principal, interest, fees), and the
/// figures an agreement over it shows: the tests follow the statement rather than repeat its arithmetic.
/// </summary>
internal static class OpenClaim
{
    public static async Task<decimal> OfAsync(IServiceProvider services, string debtorId)
    {
        var debtor = await services.GetRequiredService<IDebtorStore>().FindAsync(debtorId, CancellationToken.None);
        var statement = await services.GetRequiredService<InvoiceStatements>().ForDebtorAsync(debtor!, CancellationToken.None);
        return DebtorStatement.TotalsByCurrency(statement.Open).Single().Amount;
    }

    /// <summary>The first of <paramref name="count"/> instalments over <paramref name="claim"/> (the cent remainder goes to the last).</summary>
    public static decimal FirstInstalment(decimal claim, int count) => Math.Floor(claim * 100m / count) / 100m;

    /// <summary>An amount in euros as the bot writes it in <paramref name="language"/>: "1.206,60 €" or "€1,206.60".</summary>
    public static string Euros(decimal amount, string language) =>
        language == "de" ? amount.ToString("N2", CultureInfo.GetCultureInfo("de-DE")) + " €" : "€" + amount.ToString("N2", CultureInfo.GetCultureInfo("en-GB"));
}

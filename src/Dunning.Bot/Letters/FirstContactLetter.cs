using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Payments;
using Dunning.Bot.Core.Statements;

namespace Dunning.Bot.Letters;

/// <summary>
/// Everything one printed first-contact letter shows, as of <see cref="Date"/>: the debtor and their postal address, the
/// open invoices (from the claim statement), the access code, the chat links that bind a chat to the debtor, and the
/// GiroCode for the open total (null when no payee is configured, the total is not one euro amount, or nothing is open).
/// </summary>
public sealed record FirstContactLetter(
    Debtor Debtor,
    string Language,
    DateOnly Date,
    IReadOnlyList<InvoiceStatement> Open,
    IReadOnlyList<Money> Totals,
    Uri WebChat,
    Uri? Telegram,
    string Reference,
    GiroCode? GiroCode);

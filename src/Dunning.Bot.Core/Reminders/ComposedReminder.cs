using Dunning.Bot.Core.Policies;

namespace Dunning.Bot.Core.Reminders;

/// <summary>
/// A rendered reminder: the text, and the "last offer" it makes (null when none) about <see cref="InvoiceNumbers"/>.
/// Whoever sends the text records the offer with it (<see cref="StandingOffer.Record"/>), so only an offer the debtor saw
/// can be accepted.
/// </summary>
public sealed record ComposedReminder(string Text, NegotiationTerms? Offer, IReadOnlyList<string> InvoiceNumbers);

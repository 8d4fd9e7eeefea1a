using Dunning.Bot.Core.Domain;

namespace Dunning.Bot.Core.Claims;

/// <summary>One payment to book on invoice <see cref="Number"/> (see <see cref="ClaimBook.PayManyAsync(IReadOnlyList{PaymentOrder}, string, CancellationToken)"/>).</summary>
public sealed record PaymentOrder(string Number, Payment Payment);

/// <summary>
/// What <see cref="ClaimBook.PayManyAsync(IReadOnlyList{PaymentOrder}, string, CancellationToken)"/> did with one <see cref="PaymentOrder"/>: the booking (a duplicate when the
/// payment was there already), or why it was refused; both null when there is no such invoice.
/// </summary>
public sealed record PaymentResult(PaymentOrder Order, Booking? Booking, string? Refusal);

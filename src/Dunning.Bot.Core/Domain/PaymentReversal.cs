namespace Dunning.Bot.Core.Domain;

/// <summary>
/// A payment that was booked and then undone (the bank reversed it, or it was booked on the wrong invoice): it no longer
/// counts for the claim, but stays on the invoice so that importing the same statement again does not book it anew and
/// so that reversing it twice is refused. <see cref="On"/> is the day it was reversed.
/// </summary>
public sealed record PaymentReversal(Payment Payment, DateOnly On, string Reason, string By);

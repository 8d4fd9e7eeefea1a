using System.Globalization;

namespace Dunning.Bot.Core.Domain;

/// <summary>
/// An amount in one ISO 4217 currency. Arithmetic and comparison refuse to mix currencies
/// (<see cref="DomainException"/>); amounts are <see cref="decimal"/>, never floating point.
/// </summary>
public readonly record struct Money
{
    public Money(decimal amount, string currency)
    {
        Amount = amount;
        Currency = Domain.Currency.Normalize(currency);
    }

    public decimal Amount { get; }

    public string Currency { get; }

    public static Money Zero(string currency) => new(0m, currency);

    public static Money Euro(decimal amount) => new(amount, "EUR");

    public bool IsZero => Amount == 0m;

    public bool IsNegative => Amount < 0m;

    public bool IsPositive => Amount > 0m;

    /// <summary>Rounded to the currency's minor unit, half away from zero (commercial rounding).</summary>
    public Money Rounded() => new(Math.Round(Amount, Domain.Currency.MinorUnits(Currency), MidpointRounding.AwayFromZero), Currency);

    public static Money operator +(Money a, Money b) => new(a.Amount + b.Amount, Same(a, b));

    public static Money operator -(Money a, Money b) => new(a.Amount - b.Amount, Same(a, b));

    public static Money operator -(Money a) => new(-a.Amount, a.Currency);

    public static Money operator *(Money a, decimal factor) => new(a.Amount * factor, a.Currency);

    public static bool operator <(Money a, Money b) => Same(a, b) is not null && a.Amount < b.Amount;

    public static bool operator >(Money a, Money b) => Same(a, b) is not null && a.Amount > b.Amount;

    public static bool operator <=(Money a, Money b) => Same(a, b) is not null && a.Amount <= b.Amount;

    public static bool operator >=(Money a, Money b) => Same(a, b) is not null && a.Amount >= b.Amount;

    public static Money Max(Money a, Money b) => a >= b ? a : b;

    public static Money Min(Money a, Money b) => a <= b ? a : b;

    public Money Add(Money other) => this + other;

    public Money Subtract(Money other) => this - other;

    public Money Multiply(decimal factor) => this * factor;

    public Money Negate() => -this;

    public int CompareTo(Money other) => Amount.CompareTo(other.Amount) * (Same(this, other) is null ? 0 : 1);

    /// <summary>Invariant form, e.g. <c>1234.56 EUR</c>; display formatting belongs to the message catalogue.</summary>
    public override string ToString() => $"{Amount.ToString("0.00##", CultureInfo.InvariantCulture)} {Currency}";

    private static string Same(Money a, Money b) =>
        a.Currency == b.Currency
            ? a.Currency
            : throw new DomainException($"Cannot combine {a.Currency} and {b.Currency} amounts.");
}

namespace Dunning.Bot.Core.Domain;

/// <summary>One item of an invoice. <see cref="UnitPrice"/> is net; <see cref="VatRate"/> is a percentage (19 for 19 %).</summary>
public sealed record InvoiceLine(string Description, decimal Quantity, decimal UnitPrice, decimal VatRate)
{
    public decimal Net => Math.Round(Quantity * UnitPrice, 2, MidpointRounding.AwayFromZero);

    public decimal Vat => Math.Round(Net * VatRate / 100m, 2, MidpointRounding.AwayFromZero);

    public decimal Gross => Net + Vat;
}

namespace Dunning.Bot.Core.Domain;

public enum InvoiceStatus
{
    Open,
    PartiallyPaid,
    Paid,
    Disputed,
    Paused,
    WrittenOff,
}

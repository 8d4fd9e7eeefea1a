namespace Dunning.Bot.Core.Claims;

/// <summary>Why a debtor is in default (Verzug, §286 BGB); the wire and wording names are the snake_case forms.</summary>
public enum DefaultReason
{
    /// <summary>Not (yet) in default: no interest, no lump sum, no dunning fees are owed.</summary>
    None = 0,

    /// <summary>§286(2) Nr. 1: the due date was an agreed calendar date ("fester Kalendertermin").</summary>
    CalendarDate,

    /// <summary>§286(1): a reminder (Mahnung) after the due date was received.</summary>
    Reminder,

    /// <summary>§286(3): 30 days after the due date and receipt of the invoice (consumers only with the notice on the invoice).</summary>
    ThirtyDays,
}

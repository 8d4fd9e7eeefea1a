namespace Dunning.Bot.Core.Reminders;

/// <summary>
/// One invoice in a proactive message: the ladder stage the message takes it to, the stage it had before (restored
/// when the message never reaches the debtor) and the deadline stated for it.
/// </summary>
public sealed record OutboxItem(string InvoiceNumber, int Stage, int PreviousStage, DateOnly? Deadline);

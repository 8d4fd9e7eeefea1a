namespace Dunning.Bot.Staff.Desk;

/// <summary>The outcome of a console action and the sentence shown to the staff member.</summary>
public sealed record StaffResult(StaffOutcome Outcome, string Message)
{
    public bool Succeeded => Outcome == StaffOutcome.Done;

    public static StaffResult Done(string message) => new(StaffOutcome.Done, message);

    public static StaffResult NotFound(string message) => new(StaffOutcome.NotFound, message);

    public static StaffResult Conflict(string message) => new(StaffOutcome.Conflict, message);

    public static StaffResult Invalid(string message) => new(StaffOutcome.Invalid, message);

    public static StaffResult Forbidden(string message) => new(StaffOutcome.Forbidden, message);

    public static StaffResult Failed(string message) => new(StaffOutcome.Failed, message);
}

public enum StaffOutcome
{
    Done,
    NotFound,
    Conflict,
    Invalid,
    Forbidden,
    Failed,
}

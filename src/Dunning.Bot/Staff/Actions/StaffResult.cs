namespace Dunning.Bot.Staff.Actions;

/// <summary>
/// The outcome of a console action and the sentence shown to the staff member. <see cref="Message"/> is a key in
/// <c>dialogs/console.*.yaml</c> (its variables in <see cref="Model"/>), which the page words in the staff member's
/// language; a message that is no key there is shown as it is.
/// </summary>
public sealed record StaffResult(StaffOutcome Outcome, string Message)
{
    /// <summary>The variables of <see cref="Message"/> (an anonymous object), or null when it has none.</summary>
    public object? Model { get; init; }

    public bool Succeeded => Outcome == StaffOutcome.Done;

    public static StaffResult Done(string message, object? model = null) => new(StaffOutcome.Done, message) { Model = model };

    public static StaffResult NotFound(string message, object? model = null) => new(StaffOutcome.NotFound, message) { Model = model };

    public static StaffResult Conflict(string message, object? model = null) => new(StaffOutcome.Conflict, message) { Model = model };

    public static StaffResult Invalid(string message, object? model = null) => new(StaffOutcome.Invalid, message) { Model = model };

    public static StaffResult Forbidden(string message, object? model = null) => new(StaffOutcome.Forbidden, message) { Model = model };

    public static StaffResult Failed(string message, object? model = null) => new(StaffOutcome.Failed, message) { Model = model };
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

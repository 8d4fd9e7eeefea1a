namespace Dunning.Bot.Core.Reminders;

/// <summary>How the planner revisits cases it could not act on (bound from <see cref="SectionName"/>, shared with the host's scheduling options).</summary>
public sealed class ReminderPlannerOptions
{
    public const string SectionName = "Scheduling";

    /// <summary>While a message to the debtor is still in the outbox, look again after this many minutes (default 60).</summary>
    public int InFlightRecheckMinutes { get; set; } = 60;

    /// <summary>After a suppression that may lift by itself (staff own the chat, no reachable address), look again after this many hours (default 24).</summary>
    public int SuppressedRecheckHours { get; set; } = 24;

    /// <summary>
    /// True when the host has an e-mail channel: a debtor no chat can reach is then reminded at its e-mail address.
    /// Set by the host (<see cref="EnableEmailFallback"/>), not by configuration.
    /// </summary>
    public bool EmailFallback { get; private set; }

    public void EnableEmailFallback() => EmailFallback = true;

    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (InFlightRecheckMinutes is < 1 or > 24 * 60)
            problems.Add($"{SectionName}:InFlightRecheckMinutes must be between 1 and 1440 (is {InFlightRecheckMinutes}).");
        if (SuppressedRecheckHours is < 1 or > 24 * 31)
            problems.Add($"{SectionName}:SuppressedRecheckHours must be between 1 and 744 (is {SuppressedRecheckHours}).");
        return problems;
    }
}

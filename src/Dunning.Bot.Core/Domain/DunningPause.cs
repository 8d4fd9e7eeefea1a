namespace Dunning.Bot.Core.Domain;

/// <summary>A "Mahnstopp": no reminders for the invoice until <see cref="Until"/> (or until resumed when null).</summary>
public sealed record DunningPause(string Reason, DateTimeOffset? Until, DateTimeOffset Since)
{
    public bool IsActive(DateTimeOffset now) => Until is null || now < Until;
}

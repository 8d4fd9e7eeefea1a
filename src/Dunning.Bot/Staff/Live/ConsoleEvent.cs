namespace Dunning.Bot.Staff.Live;

/// <summary>
/// Something the open console pages should show at once: <see cref="Kind"/> is the SSE event name
/// (<c>escalation</c>, <c>conversation</c>, <c>case</c>), <see cref="Data"/> a short JSON payload.
/// </summary>
public sealed record ConsoleEvent(string Kind, string Data);

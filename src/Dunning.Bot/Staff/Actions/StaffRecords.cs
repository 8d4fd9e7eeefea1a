using System.Text.Json;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Staff.Audit;
using Dunning.Bot.Staff.Live;

namespace Dunning.Bot.Staff.Actions;

/// <summary>
/// What every staff action leaves behind: an audit entry (who, when, what, before/after), optionally a line in the
/// case history (which also asks the scheduler to look at the case again), and a live event for open console pages.
/// </summary>
public sealed class StaffRecords(ICaseStore cases, IAuditLog audit, ConsoleBroadcaster live, TimeProvider clock)
{
    public DateTimeOffset Now => clock.GetUtcNow();

    public async Task WriteAsync(StaffActor actor, string? debtorId, string action, string target, string? before, string? after,
        CaseAction? history, CancellationToken cancellationToken, string liveKind = "case")
    {
        ArgumentNullException.ThrowIfNull(actor);
        var at = history?.At ?? clock.GetUtcNow();
        if (debtorId is not null && history is not null)
        {
            await cases.UpdateAsync(debtorId, c =>
            {
                c.Record(history);
                c.NextActionAt = c.NextActionAt is { } next && next < at ? next : at;
            }, cancellationToken);
        }
        await audit.WriteAsync(new AuditEntry(at, actor.UserName, action, target, before, after) { DebtorId = debtorId }, cancellationToken);
        await live.PublishAsync(new ConsoleEvent(liveKind, JsonSerializer.Serialize(new { debtorId, action, target })), debtorId, cancellationToken);
    }
}

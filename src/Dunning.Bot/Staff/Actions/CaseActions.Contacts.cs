using System.Text.Json;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;

namespace Dunning.Bot.Staff.Actions;

public sealed partial class CaseActions
{
    /// <summary>Lets proactive messages reach the debtor on <paramref name="channel"/> again (owner; the debtor's consent is the owner's to check).</summary>
    public async Task<StaffResult> LiftOptOutAsync(StaffActor actor, string debtorId, string channel, CancellationToken cancellationToken)
    {
        if (!actor.IsOwner)
            return StaffResult.Forbidden("result_owner_only");
        var debtor = await debtors.FindAsync(debtorId, cancellationToken);
        if (debtor?.Contact(channel) is not { OptedOutAt: { } since })
            return StaffResult.NotFound("result_no_opt_out");
        for (var attempt = 1; ; attempt++)
        {
            if (debtor.Contact(channel) is { } contact)
                contact.OptedOutAt = null;
            try
            {
                await debtors.SaveAsync(debtor, cancellationToken);
                break;
            }
            catch (ConcurrencyConflictException) when (attempt < 3)
            {
                debtor = await debtors.FindAsync(debtorId, cancellationToken) ?? debtor;
            }
            catch (ConcurrencyConflictException)
            {
                return StaffResult.Conflict("result_try_again");
            }
        }
        var now = clock.GetUtcNow();
        await records.WriteAsync(actor, debtorId, "lift-opt-out", $"debtor {debtorId} {channel}", $"opted out since {since:o}", "not opted out",
            new CaseAction(now, CaseActionKinds.OptOut, $"Opt-out on {channel} lifted by {actor.UserName}", Channel: channel, Actor: actor.UserName), cancellationToken);
        return StaffResult.Done("result_opt_out_lifted", new { channel });
    }

    /// <summary>Closes an escalation (staff and owner) with an optional note.</summary>
    public async Task<StaffResult> ResolveEscalationAsync(StaffActor actor, string escalationId, string? note, CancellationToken cancellationToken)
    {
        var escalation = await escalations.FindAsync(escalationId, cancellationToken);
        if (escalation is null)
            return StaffResult.NotFound("result_no_escalation");
        if (escalation.State == EscalationState.Resolved)
            return StaffResult.Conflict("result_escalation_resolved_already");
        var before = escalation.State.ToString();
        var now = clock.GetUtcNow();
        escalation.State = EscalationState.Resolved;
        escalation.ClosedAt = now;
        escalation.AssignedTo ??= actor.UserName;
        try
        {
            await escalations.SaveAsync(escalation, cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            return StaffResult.Conflict("result_try_again");
        }
        var text = Clip(note);
        await records.WriteAsync(actor, escalation.DebtorId, "resolve-escalation", $"escalation {escalationId}", before, JsonSerializer.Serialize(new { state = "Resolved", note = text }),
            new CaseAction(now, CaseActionKinds.Staff, $"Escalation {escalation.Reason} resolved by {actor.UserName}" + (text is null ? "" : $": {text}"), Actor: actor.UserName),
            cancellationToken);
        return StaffResult.Done("result_escalation_resolved");
    }
}

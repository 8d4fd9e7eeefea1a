using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;

namespace Dunning.Bot.Core.Reminders;

/// <summary>Writes a planning step: the case, with its outbox entry when one is to go out, in one transaction (or into a sweep's buffer).</summary>
public sealed class PlanWriter(ICaseStore cases, IOutbox outbox)
{
    /// <summary>
    /// Saves the case (with the entry, if any) now, or leaves both in the buffer; false when the entry's key is taken.
    /// <paramref name="afterWrite"/> runs only once the write has landed: here right after it, with a buffer after its commit.
    /// </summary>
    public async Task<bool> WriteAsync(PlanBuffer? buffer, DunningCase dunningCase, OutboxEntry? entry,
        IReadOnlyList<Func<CancellationToken, Task>> afterWrite, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dunningCase);
        ArgumentNullException.ThrowIfNull(afterWrite);
        if (buffer is not null)
        {
            buffer.Add(dunningCase, entry, afterWrite);
            return true;
        }
        if (entry is not null)
        {
            if (!await outbox.EnqueueAsync(entry, dunningCase, cancellationToken).ConfigureAwait(false))
                return false;
        }
        else
        {
            await cases.SaveAsync(dunningCase, cancellationToken).ConfigureAwait(false);
        }
        foreach (var action in afterWrite)
            await action(cancellationToken).ConfigureAwait(false);
        return true;
    }
}

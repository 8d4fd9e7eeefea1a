using Dunning.Bot.Conversations;

namespace Dunning.Bot.Staff.Actions;

/// <summary>
/// Where the console's Bot Framework handoff events go (<c>handoff.initiate</c> with the transcript when a person
/// takes a conversation over, <c>handoff.status</c> "completed" when it is handed back), so another agent hub could
/// pick them up. The default keeps the latest ones in memory and logs them; replace the registration to forward them.
/// </summary>
public interface IHandoffHub
{
    Task PublishAsync(Activity handoffEvent, CancellationToken cancellationToken);
}

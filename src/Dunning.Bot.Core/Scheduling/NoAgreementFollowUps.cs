using Dunning.Bot.Core.Domain;

namespace Dunning.Bot.Core.Scheduling;

/// <summary>The default until an agreement follow-up is registered: nothing to follow up.</summary>
public sealed class NoAgreementFollowUps : IAgreementFollowUps
{
    public Task<FollowUpPlan> PlanAsync(Debtor debtor, string language, DateTimeOffset now, CancellationToken cancellationToken) =>
        Task.FromResult(FollowUpPlan.None);
}

namespace Dunning.Bot.Hosting.Coordination;

/// <summary>The leadership of a host that is alone on its storage (LiteDB): it leads every role, at once and for good.</summary>
public sealed class AlwaysLeader : ILeadership
{
    public bool ManyHosts => false;

    public Task<LeadershipLease> AcquireAsync(string role, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(new LeadershipLease(role, CancellationToken.None, () => ValueTask.CompletedTask));
    }
}

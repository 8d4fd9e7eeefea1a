using System.Collections.Concurrent;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;

namespace Dunning.Bot.Tests.Staff;

/// <summary>
/// Versioned conversation links in memory, used by the console tests only while the host registers no
/// IConversationStore of its own (TryAdd: the host's LiteDB store wins once it is there).
/// </summary>
internal sealed class InMemoryConversationStore : IConversationStore
{
    private readonly ConcurrentDictionary<string, ConversationLink> links = new(StringComparer.Ordinal);
    private readonly Lock gate = new();

    public Task<ConversationLink?> FindAsync(string key, CancellationToken cancellationToken) =>
        Task.FromResult(links.TryGetValue(key, out var link) ? Copy(link) : null);

    public Task<IReadOnlyList<ConversationLink>> ListByDebtorAsync(string debtorId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ConversationLink>>([.. links.Values.Where(l => l.DebtorId == debtorId).OrderByDescending(l => l.LastInboundAt).Select(Copy)]);

    public Task<IReadOnlyList<ConversationLink>> ListHandedOffAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ConversationLink>>([.. links.Values.Where(l => l.Handoff != HandoffState.Bot).Select(Copy)]);

    public Task SaveAsync(ConversationLink link, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            var stored = links.GetValueOrDefault(link.Key)?.Version ?? 0;
            if (stored != link.Version)
                throw new ConcurrencyConflictException($"conversation {link.Key}: expected {link.Version}, found {stored}");
            link.Version++;
            links[link.Key] = Copy(link);
        }
        return Task.CompletedTask;
    }

    private static ConversationLink Copy(ConversationLink link)
    {
        var copy = new ConversationLink
        {
            Key = link.Key,
            Channel = link.Channel,
            Reference = link.Reference,
            Language = link.Language,
            Handoff = link.Handoff,
            HandoffOwner = link.HandoffOwner,
            LastInboundAt = link.LastInboundAt,
            Version = link.Version,
        };
        copy.Restore(link.DebtorId, link.LinkedAt);
        return copy;
    }
}

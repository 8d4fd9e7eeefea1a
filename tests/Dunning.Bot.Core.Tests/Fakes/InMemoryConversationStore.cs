using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;

namespace Dunning.Bot.Core.Tests.Fakes;

/// <summary>Conversation links kept as copies, with the version contract, so a concurrent console change really conflicts.</summary>
public sealed class InMemoryConversationStore : IConversationStore
{
    private readonly Dictionary<string, ConversationLink> links = new(StringComparer.Ordinal);

    /// <summary>Runs once just before the next save, as if the console wrote the link while the turn ran.</summary>
    public Action<ConversationLink>? BeforeNextSave { get; set; }

    public ConversationLink? this[string key] => links.TryGetValue(key, out var link) ? Copy(link) : null;

    public Task<ConversationLink?> FindAsync(string key, CancellationToken cancellationToken) =>
        Task.FromResult(links.TryGetValue(key, out var link) ? Copy(link) : null);

    public Task<IReadOnlyList<ConversationLink>> ListByDebtorAsync(string debtorId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ConversationLink>>([.. links.Values.Where(l => l.DebtorId == debtorId).OrderByDescending(l => l.LastInboundAt).Select(Copy)]);

    public Task<IReadOnlyList<ConversationLink>> ListHandedOffAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ConversationLink>>([.. links.Values.Where(l => l.Handoff != HandoffState.Bot).Select(Copy)]);

    public Task SaveAsync(ConversationLink link, CancellationToken cancellationToken)
    {
        if (BeforeNextSave is { } meanwhile && links.TryGetValue(link.Key, out var current))
        {
            BeforeNextSave = null;
            var theirs = Copy(current);
            meanwhile(theirs);
            theirs.Version++;
            links[link.Key] = theirs;
        }
        var stored = links.GetValueOrDefault(link.Key);
        if ((stored?.Version ?? 0) != link.Version)
            throw new ConcurrencyConflictException($"conversation {link.Key}");
        link.Version++;
        links[link.Key] = Copy(link);
        return Task.CompletedTask;
    }

    /// <summary>Changes the stored link as the console would (a versioned write).</summary>
    public void Change(string key, Action<ConversationLink> change)
    {
        var link = Copy(links[key]);
        change(link);
        link.Version++;
        links[key] = link;
    }

    private static ConversationLink Copy(ConversationLink link)
    {
        var copy = new ConversationLink
        {
            Key = link.Key,
            Channel = link.Channel,
            Reference = link.Reference,
            Language = link.Language,
            FailedCodeAttempts = link.FailedCodeAttempts,
            CodeCooldownUntil = link.CodeCooldownUntil,
            Handoff = link.Handoff,
            HandoffOwner = link.HandoffOwner,
            LastInboundAt = link.LastInboundAt,
            Version = link.Version,
        };
        copy.Restore(link.DebtorId, link.LinkedAt);
        return copy;
    }
}

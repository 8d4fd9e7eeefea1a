using System.Text.Json;
using Dunning.Bot.Conversations;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;

namespace Dunning.Bot.Core.Tests.Fakes;

/// <summary>
/// Conversation links in memory (<see cref="VersionedMemoryStore{T}"/>): a console change made with
/// <see cref="VersionedMemoryStore{T}.Change"/> or <see cref="VersionedMemoryStore{T}.BeforeNextSave"/> really conflicts
/// with a turn's save. The reference is kept as JSON, as the LiteDB store keeps it.
/// </summary>
public sealed class InMemoryConversationStore : VersionedMemoryStore<ConversationLink>, IConversationStore
{
    /// <summary>The stored link (a copy), or null.</summary>
    public ConversationLink? this[string key] => FindByIdAsync(key, CancellationToken.None).GetAwaiter().GetResult();

    public Task<ConversationLink?> FindAsync(string key, CancellationToken cancellationToken) => FindByIdAsync(key, cancellationToken);

    public async Task<IReadOnlyList<ConversationLink>> ListByDebtorAsync(string debtorId, CancellationToken cancellationToken) =>
        [.. (await WhereAsync(l => string.Equals(l.DebtorId, debtorId, StringComparison.Ordinal), cancellationToken)).OrderByDescending(l => l.LastInboundAt)];

    public Task<IReadOnlyList<ConversationLink>> ListHandedOffAsync(CancellationToken cancellationToken) =>
        WhereAsync(l => l.Handoff != HandoffState.Bot, cancellationToken);

    protected override string IdOf(ConversationLink entity) => entity.Key;

    protected override int VersionOf(ConversationLink entity) => entity.Version;

    protected override void SetVersion(ConversationLink entity, int version) => entity.Version = version;

    protected override ConversationLink Copy(ConversationLink entity)
    {
        var copy = new ConversationLink
        {
            Key = entity.Key,
            Channel = entity.Channel,
            Reference = JsonSerializer.Deserialize<ConversationReference>(JsonSerializer.Serialize(entity.Reference, ActivityJson.Options), ActivityJson.Options)!,
            Language = entity.Language,
            FailedCodeAttempts = entity.FailedCodeAttempts,
            CodeCooldownUntil = entity.CodeCooldownUntil,
            Handoff = entity.Handoff,
            HandoffOwner = entity.HandoffOwner,
            LastInboundAt = entity.LastInboundAt,
            Version = entity.Version,
        };
        copy.Restore(entity.DebtorId, entity.LinkedAt);
        return copy;
    }
}

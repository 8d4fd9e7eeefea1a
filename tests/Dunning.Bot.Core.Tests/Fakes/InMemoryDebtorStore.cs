using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;

namespace Dunning.Bot.Core.Tests.Fakes;

/// <summary>Debtors in memory (<see cref="VersionedMemoryStore{T}"/>); lookups by access code and link token are ordinal, like LiteDB's.</summary>
public sealed class InMemoryDebtorStore : VersionedMemoryStore<Debtor>, IDebtorStore
{
    public Task<Debtor?> FindAsync(string id, CancellationToken cancellationToken) => FindByIdAsync(id, cancellationToken);

    public async Task<IReadOnlySet<string>> AccessCodesInUseAsync(IReadOnlyCollection<string> accessCodes, CancellationToken cancellationToken)
    {
        var wanted = accessCodes.ToHashSet(StringComparer.Ordinal);
        return (await WhereAsync(d => wanted.Contains(d.AccessCode), cancellationToken)).Select(d => d.AccessCode).ToHashSet(StringComparer.Ordinal);
    }

    public async Task<Debtor?> FindByAccessCodeAsync(string accessCode, CancellationToken cancellationToken) =>
        (await WhereAsync(d => string.Equals(d.AccessCode, accessCode, StringComparison.Ordinal), cancellationToken)).FirstOrDefault();

    public async Task<Debtor?> FindByLinkTokenAsync(string linkToken, CancellationToken cancellationToken) =>
        (await WhereAsync(d => string.Equals(d.LinkToken, linkToken, StringComparison.Ordinal), cancellationToken)).FirstOrDefault();

    public Task<IReadOnlyList<Debtor>> ListAsync(CancellationToken cancellationToken) => WhereAsync(_ => true, cancellationToken);

    protected override string IdOf(Debtor entity) => entity.Id;

    protected override int VersionOf(Debtor entity) => entity.Version;

    protected override void SetVersion(Debtor entity, int version) => entity.Version = version;

    protected override Debtor Copy(Debtor entity) => new()
    {
        Id = entity.Id,
        Name = entity.Name,
        Kind = entity.Kind,
        Language = entity.Language,
        TimeZone = entity.TimeZone,
        Country = entity.Country,
        State = entity.State,
        Email = entity.Email,
        ContactPerson = entity.ContactPerson,
        Salutation = entity.Salutation,
        PreferredChannel = entity.PreferredChannel,
        AlsoByEmail = entity.AlsoByEmail,
        Contacts = [.. entity.Contacts.Select(c => new ContactAddress
        {
            Channel = c.Channel,
            Address = c.Address,
            OptedOutAt = c.OptedOutAt,
            DeadSince = c.DeadSince,
            DeadReason = c.DeadReason,
        })],
        AccessCode = entity.AccessCode,
        LinkToken = entity.LinkToken,
        Version = entity.Version,
    };
}

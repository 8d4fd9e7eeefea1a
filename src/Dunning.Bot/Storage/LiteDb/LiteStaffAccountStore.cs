using Dunning.Bot.Staff;
using Dunning.Bot.Staff.Accounts;
using Dunning.Bot.Storage.LiteDb.Documents;
using LiteDB;

namespace Dunning.Bot.Storage.LiteDb;

/// <summary>
/// Console accounts in the host's LiteDB file (collection <c>staff_accounts</c>, id = user name). Versioned saves:
/// two failed sign-ins at once cannot lose a count, a concurrent change throws ConcurrencyConflictException.
/// </summary>
public sealed class LiteStaffAccountStore(LiteDbContext context) : LiteStore<StaffAccount>(context, CollectionName), IStaffAccountStore
{
    internal const string CollectionName = "staff_accounts";

    public Task<StaffAccount?> FindAsync(string userName, CancellationToken cancellationToken) =>
        StaffUserNames.Normalize(userName) is { } id ? FindByIdAsync(id, cancellationToken) : Task.FromResult<StaffAccount?>(null);

    public Task<IReadOnlyList<StaffAccount>> ListAsync(CancellationToken cancellationToken) => FindAllAsync(cancellationToken);

    public Task SaveAsync(StaffAccount account, CancellationToken cancellationToken) => SaveEntityAsync(account, cancellationToken);

    private protected override BsonDocument ToBson(StaffAccount entity) => new()
    {
        ["_id"] = entity.UserName,
        ["Role"] = BsonValues.From(entity.Role),
        ["DisplayName"] = entity.DisplayName,
        ["Title"] = entity.Title,
        ["PasswordHash"] = entity.PasswordHash,
        ["SecurityStamp"] = entity.SecurityStamp,
        ["FailedAttempts"] = entity.FailedAttempts,
        ["LockedUntil"] = BsonValues.From(entity.LockedUntil),
        ["CreatedAt"] = BsonValues.From(entity.CreatedAt),
        ["LastSignInAt"] = BsonValues.From(entity.LastSignInAt),
        ["Language"] = entity.Language,
        ["Version"] = entity.Version,
    };

    private protected override StaffAccount FromBson(BsonDocument document) => new()
    {
        UserName = document["_id"].AsString,
        Role = BsonValues.ToEnum<StaffRole>(document["Role"]),
        DisplayName = BsonValues.ToNullableString(document["DisplayName"]),
        Title = BsonValues.ToNullableString(document["Title"]),
        PasswordHash = document["PasswordHash"].AsString,
        SecurityStamp = document["SecurityStamp"].AsString,
        FailedAttempts = document["FailedAttempts"].AsInt32,
        LockedUntil = BsonValues.ToNullableDateTimeOffset(document["LockedUntil"]),
        CreatedAt = BsonValues.ToDateTimeOffset(document["CreatedAt"]),
        LastSignInAt = BsonValues.ToNullableDateTimeOffset(document["LastSignInAt"]),
        Language = document.TryGetValue("Language", out var language) && language.IsString ? language.AsString : null,
        Version = document["Version"].AsInt32,
    };

    private protected override int VersionOf(StaffAccount entity) => entity.Version;

    private protected override void SetVersion(StaffAccount entity, int version) => entity.Version = version;
}

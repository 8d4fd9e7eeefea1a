using Dunning.Bot.Core.Ports;
using Dunning.Bot.Staff;
using Dunning.Bot.Staff.Accounts;

namespace Dunning.Bot.Tests.Storage.Contracts;

/// <summary>
/// <see cref="IStaffAccountStore"/>: an account is saved and found by its user name in any case, with every field;
/// saves are versioned — a second insert of a name and a save from a stale copy are refused and change nothing.
/// </summary>
public abstract class StaffAccountStoreContract(IStorageUnderTest storage) : StorageContractBase(storage)
{
    private IStaffAccountStore Store => Get<IStaffAccountStore>();

    [ContractFact]
    public async Task An_account_comes_back_with_every_field_by_its_name_in_any_case()
    {
        var account = Account("anna");
        account.DisplayName = "Anna Becker";
        account.Title = "Buchhaltung";
        account.FailedAttempts = 2;
        account.LockedUntil = Clock.GetUtcNow().AddMinutes(15);
        account.LastSignInAt = Clock.GetUtcNow().AddDays(-1);
        account.Language = "de";
        await Store.SaveAsync(account, None);
        Reopen();

        var found = Assert.IsType<StaffAccount>(await Store.FindAsync("  ANNA ", None));
        Assert.Equal(("anna", StaffRole.Staff, "Anna Becker", "Buchhaltung", "hash", "stamp", 2, "de"),
            (found.UserName, found.Role, found.DisplayName, found.Title, found.PasswordHash, found.SecurityStamp, found.FailedAttempts, found.Language));
        Assert.Equal(account.LockedUntil!.Value, found.LockedUntil!.Value, TimeSpan.FromMilliseconds(1));
        Assert.Equal(account.LastSignInAt!.Value, found.LastSignInAt!.Value, TimeSpan.FromMilliseconds(1));
        Assert.Equal(account.CreatedAt, found.CreatedAt, TimeSpan.FromMilliseconds(1));
        Assert.Equal(1, found.Version);
    }

    [ContractFact]
    public async Task Unknown_and_malformed_names_find_nothing()
    {
        await Store.SaveAsync(Account("anna"), None);

        Assert.Null(await Store.FindAsync("bert", None));
        Assert.Null(await Store.FindAsync("anna; drop", None));
        Assert.Null(await Store.FindAsync("", None));
    }

    [ContractFact]
    public async Task Every_account_is_listed()
    {
        await Store.SaveAsync(Account("anna"), None);
        await Store.SaveAsync(Account("olga", StaffRole.Owner), None);

        Assert.Equal(["anna", "olga"], (await Store.ListAsync(None)).Select(a => a.UserName).Order(StringComparer.Ordinal));
    }

    [ContractFact]
    public async Task A_second_account_of_the_same_name_is_refused()
    {
        await Store.SaveAsync(Account("anna"), None);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Store.SaveAsync(Account("anna", StaffRole.Owner), None));
        Assert.Equal(StaffRole.Staff, (await Store.FindAsync("anna", None))!.Role);
    }

    [ContractFact]
    public async Task A_save_from_a_stale_copy_is_refused_and_the_newer_one_stays()
    {
        await Store.SaveAsync(Account("anna"), None);
        var first = (await Store.FindAsync("anna", None))!;
        var second = (await Store.FindAsync("anna", None))!;
        first.FailedAttempts = 1;
        await Store.SaveAsync(first, None);

        second.FailedAttempts = 5;
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Store.SaveAsync(second, None));

        var stored = (await Store.FindAsync("anna", None))!;
        Assert.Equal((1, 2), (stored.FailedAttempts, stored.Version));
    }

    private StaffAccount Account(string name, StaffRole role = StaffRole.Staff) => new()
    {
        UserName = name,
        Role = role,
        PasswordHash = "hash",
        SecurityStamp = "stamp",
        CreatedAt = Clock.GetUtcNow(),
    };
}

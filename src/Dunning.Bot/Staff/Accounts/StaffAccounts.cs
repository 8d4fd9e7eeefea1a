using System.Security.Cryptography;
using Dunning.Bot.Core.Ports;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Dunning.Bot.Staff.Accounts;

/// <summary>
/// Creates accounts and checks sign-ins. Passwords are hashed with ASP.NET Core Identity's
/// <see cref="PasswordHasher{TUser}"/> (PBKDF2-HMAC-SHA512, 100,000 iterations, random salt). After
/// <see cref="StaffOptions.LockoutAttempts"/> wrong passwords in a row the account is locked for
/// <see cref="StaffOptions.LockoutMinutes"/>; a locked account refuses even the right password. An unknown user
/// costs the same hashing work as a known one, so timing does not reveal which names exist.
/// </summary>
public sealed class StaffAccounts(IStaffAccountStore store, IOptions<StaffOptions> options, TimeProvider clock)
{
    private const int Attempts = 5;

    /// <summary>The longest display name or title (shown to debtors above each message).</summary>
    public const int MaxShownLength = 60;

    /// <summary>What a display name or title must be, said to whoever gave a bad one.</summary>
    public static readonly string ShownTextRule = $"A display name or title needs 1–{MaxShownLength} characters on one line.";

    /// <summary>True for no value or a value debtors can be shown: 1–<see cref="MaxShownLength"/> characters, no line breaks.</summary>
    public static bool IsShownText(string? value) =>
        value is null || (value.Trim().Length is > 0 and <= MaxShownLength && !value.Any(char.IsControl));
    private static readonly PasswordHasher<StaffAccount> Hasher = new();
    private static readonly string DummyHash = Hasher.HashPassword(null!, "not a real password, only to spend the same time");

    /// <summary>
    /// Creates an account; with no password a random one is generated and returned (shown once). Throws
    /// <see cref="ArgumentException"/> for a bad name or a short password and <see cref="InvalidOperationException"/>
    /// when the name is taken.
    /// </summary>
    public async Task<(StaffAccount Account, string? GeneratedPassword)> CreateAsync(string userName, StaffRole role, string? password, CancellationToken cancellationToken,
        string? displayName = null, string? title = null)
    {
        if (!IsShownText(displayName) || !IsShownText(title))
            throw new ArgumentException(ShownTextRule, nameof(displayName));
        var name = StaffUserNames.Normalize(userName)
            ?? throw new ArgumentException($"'{userName}' is not a valid user name: use 1–{StaffUserNames.MaxLength} of a-z 0-9 . _ - @.", nameof(userName));
        var generated = password is null ? NewPassword() : null;
        var secret = password ?? generated!;
        if (secret.Length < options.Value.MinPasswordLength)
            throw new ArgumentException($"The password needs at least {options.Value.MinPasswordLength} characters.", nameof(password));
        var account = new StaffAccount
        {
            UserName = name,
            Role = role,
            DisplayName = displayName?.Trim(),
            Title = title?.Trim(),
            PasswordHash = "",
            SecurityStamp = NewStamp(),
            CreatedAt = clock.GetUtcNow(),
        };
        account.PasswordHash = Hasher.HashPassword(account, secret);
        try
        {
            await store.SaveAsync(account, cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            throw new InvalidOperationException($"An account named '{name}' already exists.");
        }
        return (account, generated);
    }

    /// <summary>Checks the password; counts failures, locks and unlocks. The account is returned only on success.</summary>
    public async Task<SignInOutcome> SignInAsync(string? userName, string? password, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var account = userName is null ? null : await store.FindAsync(userName, cancellationToken);
            if (account is null || string.IsNullOrEmpty(password))
            {
                Hasher.VerifyHashedPassword(null!, DummyHash, password ?? "");
                return new SignInOutcome(SignInVerdict.Refused, null);
            }
            var now = clock.GetUtcNow();
            if (account.IsLocked(now))
            {
                // The same work as any other refusal, so timing does not tell a locked account from an unknown name.
                Hasher.VerifyHashedPassword(null!, DummyHash, password);
                return new SignInOutcome(SignInVerdict.LockedOut, null);
            }
            var verdict = Hasher.VerifyHashedPassword(account, account.PasswordHash, password);
            var ok = verdict is PasswordVerificationResult.Success or PasswordVerificationResult.SuccessRehashNeeded;
            if (ok)
            {
                if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
                    account.PasswordHash = Hasher.HashPassword(account, password);
                account.FailedAttempts = 0;
                account.LockedUntil = null;
                account.LastSignInAt = now;
            }
            else if (++account.FailedAttempts >= options.Value.LockoutAttempts)
            {
                account.FailedAttempts = 0;
                account.LockedUntil = now.AddMinutes(options.Value.LockoutMinutes);
            }
            try
            {
                await store.SaveAsync(account, cancellationToken);
            }
            catch (ConcurrencyConflictException) when (attempt < Attempts)
            {
                continue;
            }
            return ok ? new SignInOutcome(SignInVerdict.Success, account)
                : new SignInOutcome(account.LockedUntil is null ? SignInVerdict.Refused : SignInVerdict.LockedOut, null);
        }
    }

    /// <summary>Stores the console language <paramref name="userName"/> chose (null: follow the browser again).</summary>
    public async Task<bool> SetLanguageAsync(string userName, string? language, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var account = await store.FindAsync(userName, cancellationToken);
            if (account is null)
                return false;
            account.Language = language;
            try
            {
                await store.SaveAsync(account, cancellationToken);
                return true;
            }
            catch (ConcurrencyConflictException) when (attempt < Attempts)
            {
            }
        }
    }

    /// <summary>A random password of 20 characters from an alphabet without look-alikes.</summary>
    public static string NewPassword() => RandomNumberGenerator.GetString("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789", 20);

    private static string NewStamp() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
}

/// <summary>The result of a sign-in attempt; <see cref="Account"/> only on success.</summary>
public sealed record SignInOutcome(SignInVerdict Result, StaffAccount? Account);

public enum SignInVerdict
{
    Success,
    Refused,
    LockedOut,
}

namespace Dunning.Bot.Banking;

/// <summary>A parsed statement: its format, the account's currency and its entries; or why the whole file was refused.</summary>
public sealed record BankStatement(string Format, string? Currency, IReadOnlyList<BankEntry> Entries, string? Refusal = null)
{
    /// <summary>Refused because the file exceeds <see cref="BankingOptions.MaxFileMegabytes"/>.</summary>
    public bool TooLarge { get; init; }

    public static BankStatement Refused(string format, string reason) => new(format, null, [], reason);
}

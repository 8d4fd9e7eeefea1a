namespace Dunning.Bot.Banking;

/// <summary>A parsed statement: its format, the account's currency and its entries; or why the whole file was refused.</summary>
public sealed record BankStatement(string Format, string? Currency, IReadOnlyList<BankEntry> Entries, string? Refusal = null)
{
    public static BankStatement Refused(string format, string reason) => new(format, null, [], reason);
}

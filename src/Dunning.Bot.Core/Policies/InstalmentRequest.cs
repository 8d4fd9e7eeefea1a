namespace Dunning.Bot.Core.Policies;

/// <summary>
/// What the debtor asked for; any member may be missing. <see cref="Count"/> wins over <see cref="AmountPerInstalment"/>
/// when both are given. Without either, the plan uses the most instalments the limits allow; without
/// <see cref="FirstDueDate"/>, the first is due at the latest allowed date.
/// </summary>
public sealed record InstalmentRequest(int? Count = null, decimal? AmountPerInstalment = null, DateOnly? FirstDueDate = null);

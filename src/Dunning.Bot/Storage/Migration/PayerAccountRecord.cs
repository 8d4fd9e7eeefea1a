namespace Dunning.Bot.Storage.Migration;

/// <summary>A payer account learned from a bank import (id <c>IBAN|debtor</c>).</summary>
internal sealed record PayerAccountRecord(string Iban, string DebtorId, DateTimeOffset LearnedAt);

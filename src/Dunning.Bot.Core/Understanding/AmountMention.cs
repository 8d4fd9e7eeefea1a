namespace Dunning.Bot.Core.Understanding;

/// <summary>A sum found in a message; <see cref="Currency"/> is null for a bare number ("ich zahle 300").</summary>
internal readonly record struct AmountMention(decimal Value, string? Currency);

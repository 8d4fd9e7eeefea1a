namespace Dunning.Bot.Core.Understanding;

/// <summary>The kinds of token the tokenizer produces.</summary>
internal enum TokenKind
{
    Word,
    Number,
    Mixed,
    Currency,
    Emoji,
    Percent,
}

/// <summary>One token: <see cref="Text"/> is normalized (lower case, folded, repeats collapsed), <see cref="Raw"/> is the lower-cased original.</summary>
internal readonly record struct Token(string Text, string Raw, TokenKind Kind, int Clause);

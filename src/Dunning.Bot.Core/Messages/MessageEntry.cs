namespace Dunning.Bot.Core.Messages;

/// <summary>
/// A message key in one language: its variants, the variables it may use, and the round-robin position
/// used when no seed is given. Immutable after loading except for the counter.
/// </summary>
internal sealed class MessageEntry(string key, int line, IReadOnlyList<string> declared, IReadOnlyList<MessageTemplate> variants)
{
    private int _next = -1;

    public string Key { get; } = key;

    public int Line { get; } = line;

    /// <summary>Variables declared for this key: the file's <c>variables</c> plus the key's own <c>vars</c>.</summary>
    public IReadOnlyList<string> Declared { get; } = declared;

    public IReadOnlyList<MessageTemplate> Variants { get; } = variants;

    /// <summary>Top-level names the variants read from the model (filled in by inspection at load).</summary>
    public IReadOnlySet<string> Roots { get; set; } = new HashSet<string>();

    public MessageTemplate Pick(int? seed)
    {
        var n = Variants.Count;
        var i = seed ?? Interlocked.Increment(ref _next);
        return Variants[(int)((uint)i % (uint)n)];
    }
}

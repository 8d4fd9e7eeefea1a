namespace Dunning.Bot.Core.Messages;

/// <summary>One loaded <c>&lt;dialog&gt;.&lt;lang&gt;.yaml</c>.</summary>
internal sealed class DialogFile(string fileName, string dialog, string language)
{
    public string FileName { get; } = fileName;

    public string Dialog { get; } = dialog;

    public string Language { get; } = language;

    public Dictionary<string, MessageEntry> Messages { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, (string Label, int Line)> Buttons { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Every key the file names (<c>messages.x</c>, <c>buttons.y</c>), loaded or not: a key already reported as
    /// broken is not reported again as missing.
    /// </summary>
    public HashSet<string> Mentioned { get; } = new(StringComparer.Ordinal);

    /// <summary>The YAML did not load; its keys are unknown, so other languages are not compared with it.</summary>
    public bool Unreadable { get; set; }
}

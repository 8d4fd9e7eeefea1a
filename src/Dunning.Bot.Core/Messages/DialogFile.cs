namespace Dunning.Bot.Core.Messages;

/// <summary>One loaded <c>&lt;dialog&gt;.&lt;lang&gt;.yaml</c>.</summary>
internal sealed class DialogFile(string fileName, string dialog, string language)
{
    public string FileName { get; } = fileName;

    public string Dialog { get; } = dialog;

    public string Language { get; } = language;

    public Dictionary<string, MessageEntry> Messages { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, (string Label, int Line)> Buttons { get; } = new(StringComparer.Ordinal);
}

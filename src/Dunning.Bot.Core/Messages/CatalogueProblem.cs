namespace Dunning.Bot.Core.Messages;

/// <summary>
/// One thing wrong with the dialogs folder, found while loading or validating the catalogue.
/// <see cref="ToString"/> gives a line an owner can act on: file, line, key, then the problem.
/// </summary>
/// <param name="File">The file name relative to the dialogs folder (e.g. <c>invoice.de.yaml</c>).</param>
/// <param name="Key">The message or button key, e.g. <c>messages.balance</c>; null for file-level problems.</param>
/// <param name="Line">1-based line in the file, when known.</param>
/// <param name="Message">What is wrong and, where possible, how to fix it.</param>
public sealed record CatalogueProblem(string File, string? Key, int? Line, string Message)
{
    public override string ToString()
    {
        var where = Line is { } line ? $"{File}:{line}" : File;
        return Key is null ? $"{where}: {Message}" : $"{where}: '{Key}': {Message}";
    }
}

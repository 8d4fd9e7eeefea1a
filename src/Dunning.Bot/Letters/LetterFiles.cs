namespace Dunning.Bot.Letters;

/// <summary>File names for letters: the debtor id with anything but letters, digits, '-' and '_' replaced.</summary>
internal static class LetterFiles
{
    public static string Name(string debtorId) => $"letter-{Safe(debtorId)}.pdf";

    public static string Safe(string text) => new([.. text.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_')]);
}

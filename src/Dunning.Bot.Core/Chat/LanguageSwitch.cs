using Dunning.Bot.Core.Dialogs;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Understanding;

namespace Dunning.Bot.Core.Chat;

/// <summary>
/// Switches a conversation's language when the debtor clearly writes in the other one: the recognizer found the other
/// language (a tie keeps the current one) and the message has at least <see cref="ConversationOptions.LanguageSwitchMinWords"/>
/// words, so "ok" or "Danke" alone never flips it. The choice stays in <see cref="ConversationLink.Language"/>.
/// </summary>
public static class LanguageSwitch
{
    public static void Apply(ConversationLink link, MessageUnderstanding understanding, string? text, ConversationOptions options)
    {
        ArgumentNullException.ThrowIfNull(link);
        ArgumentNullException.ThrowIfNull(understanding);
        ArgumentNullException.ThrowIfNull(options);
        if (understanding.Language != link.Language && Debtor.Languages.Contains(understanding.Language) && WordCount(text) >= options.LanguageSwitchMinWords)
            link.Language = understanding.Language;
    }

    private static int WordCount(string? text) =>
        text is null ? 0 : text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Count(w => w.Any(char.IsLetter));
}

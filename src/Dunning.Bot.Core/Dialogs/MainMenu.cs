using Dunning.Bot.Conversations;
using Dunning.Bot.Core.Messages;
using Dunning.Bot.Core.Understanding;

namespace Dunning.Bot.Core.Dialogs;

/// <summary>
/// The main options offered as buttons (labels in <c>dialogs/common.*.yaml</c>) and what pressing one means. A
/// pressed button sends its label back; it is matched here exactly, in any language, before the recognizer runs,
/// so a button always does what it says. Telegram-style commands (<c>/help</c>, <c>/cancel</c>, <c>/stop</c>, <c>/human</c>, <c>/invoice</c>) too.
/// </summary>
public static class MainMenu
{
    /// <summary>The dialog file holding the button labels.</summary>
    public const string Dialog = "common";

    /// <summary>Button keys of the main options, in display order.</summary>
    public static readonly IReadOnlyList<string> Buttons = ["balance", "payment_details", "already_paid", "more_time", "talk_to_person", "help"];

    private static readonly Dictionary<string, Intent> ButtonIntents = new(StringComparer.Ordinal)
    {
        ["balance"] = Intent.AskAmount,
        ["payment_details"] = Intent.AskPaymentDetails,
        ["already_paid"] = Intent.ClaimPaid,
        ["more_time"] = Intent.RequestDeferral,
        ["talk_to_person"] = Intent.RequestHuman,
    };

    private static readonly Dictionary<string, GlobalCommand> ButtonCommands = new(StringComparer.Ordinal)
    {
        ["help"] = GlobalCommand.Help,
        ["cancel"] = GlobalCommand.Cancel,
    };

    private static readonly Dictionary<string, (Intent? Intent, GlobalCommand Command)> SlashCommands = new(StringComparer.OrdinalIgnoreCase)
    {
        ["/help"] = (null, GlobalCommand.Help),
        ["/cancel"] = (null, GlobalCommand.Cancel),
        ["/stop"] = (Intent.StopContact, GlobalCommand.None),
        ["/human"] = (Intent.RequestHuman, GlobalCommand.None),
        ["/invoice"] = (Intent.AskInvoiceDetails, GlobalCommand.None),
    };

    /// <summary>Sends <paramref name="dialog"/>'s message <paramref name="key"/> with the main options as buttons.</summary>
    public static Task SayWithMenuAsync(this Wording wording, ITurnContext turn, string dialog, string key, object? model, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(wording);
        var message = wording.WithButtons(turn, wording.Message(turn, dialog, key, model), Dialog, Buttons);
        return turn.SendActivityAsync(message, cancellationToken);
    }

    /// <summary>What <paramref name="text"/> selects when it is a button label or a slash command; (null, None) otherwise.</summary>
    public static (Intent? Intent, GlobalCommand Command) Match(string? text, MessageCatalogue catalogue)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        var typed = text?.Trim();
        if (string.IsNullOrEmpty(typed) || typed.Length > 64)
            return (null, GlobalCommand.None);
        if (SlashCommands.TryGetValue(typed.Split('@')[0], out var slash))
            return slash;
        foreach (var language in catalogue.Languages)
        {
            foreach (var (key, intent) in ButtonIntents)
            {
                if (IsLabel(catalogue, key, language, typed))
                    return (intent, GlobalCommand.None);
            }
            foreach (var (key, command) in ButtonCommands)
            {
                if (IsLabel(catalogue, key, language, typed))
                    return (null, command);
            }
        }
        return (null, GlobalCommand.None);
    }

    private static bool IsLabel(MessageCatalogue catalogue, string key, string language, string typed) =>
        string.Equals(catalogue.Button(Dialog, key, language), typed, StringComparison.OrdinalIgnoreCase);
}

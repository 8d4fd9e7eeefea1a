using Dunning.Bot.Conversations;

namespace Dunning.Bot.Core.Dialogs;

/// <summary>
/// The main options offered as buttons (labels in <c>dialogs/common.*.yaml</c>). A pressed button sends its label
/// back; <see cref="Interruptions.Read"/> matches it exactly, in any language, before the recognizer's intent counts,
/// so a button always does what it says.
/// </summary>
public static class MainMenu
{
    /// <summary>The dialog file holding the button labels.</summary>
    public const string Dialog = "common";

    /// <summary>Button keys of the main options, in display order.</summary>
    public static readonly IReadOnlyList<string> Buttons = ["balance", "payment_details", "already_paid", "more_time", "talk_to_person", "help"];

    /// <summary>Sends <paramref name="dialog"/>'s message <paramref name="key"/> with the main options as buttons.</summary>
    public static Task SayWithMenuAsync(this Wording wording, ITurnContext turn, string dialog, string key, object? model, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(wording);
        var message = wording.WithButtons(turn, wording.Message(turn, dialog, key, model), Dialog, Buttons);
        return turn.SendActivityAsync(message, cancellationToken);
    }
}

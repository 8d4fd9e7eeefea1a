using System.Text;
using System.Text.Json;

namespace Dunning.Bot.Conversations.Dialogs.Prompts;

/// <summary>Renders choices onto a prompt activity, as a numbered list or as suggested actions.</summary>
public static class ChoiceFactory
{
    /// <summary>Most buttons <see cref="ListStyle.Auto"/> shows before falling back to a list.</summary>
    public const int MaxAutoButtons = 10;

    /// <summary>Longest title <see cref="ListStyle.Auto"/> puts on a button.</summary>
    public const int MaxAutoButtonTitle = 20;

    /// <summary>
    /// A copy of <paramref name="prompt"/> (a new message when null) with the choices added in
    /// <paramref name="style"/>. The given activity is not changed.
    /// </summary>
    public static Activity Render(Activity? prompt, IReadOnlyList<Choice> choices, ListStyle style)
    {
        ArgumentNullException.ThrowIfNull(choices);
        var activity = prompt?.Clone() ?? Activity.CreateMessage(null);
        if (choices.Count == 0 || style == ListStyle.None)
            return activity;
        if (style == ListStyle.Auto)
            style = FitsButtons(choices) ? ListStyle.SuggestedAction : ListStyle.List;

        if (style == ListStyle.List)
        {
            var text = new StringBuilder(activity.Text);
            for (var i = 0; i < choices.Count; i++)
            {
                if (text.Length > 0)
                    text.Append(i == 0 ? "\n\n" : "\n");
                text.Append(i + 1).Append(". ").Append(choices[i].Value);
            }
            activity.Text = text.ToString();
            return activity;
        }

        var actions = new List<CardAction>(choices.Count);
        foreach (var choice in choices)
        {
            actions.Add(choice.Action ?? new CardAction
            {
                Type = CardAction.ImBack,
                Title = choice.Value,
                Value = JsonSerializer.SerializeToElement(choice.Value, ConversationsJsonContext.Default.String),
            });
        }
        activity.SuggestedActions = new SuggestedActions { Actions = actions };
        return activity;
    }

    private static bool FitsButtons(IReadOnlyList<Choice> choices)
    {
        if (choices.Count > MaxAutoButtons)
            return false;
        foreach (var choice in choices)
        {
            if ((choice.Action?.Title ?? choice.Value).Length > MaxAutoButtonTitle)
                return false;
        }
        return true;
    }
}

using Dunning.Bot.Conversations;
using Dunning.Bot.Core.Dialogs;

namespace Dunning.Bot.Core.Tests.Dialogs;

/// <summary>
/// An expected reply: a message key of dialogs/ (any of its variants, rendered with <see cref="Model"/>), or a literal
/// text (<see cref="Literal"/>), optionally with the main options as buttons (<see cref="WithMenu"/>) or exactly the
/// given buttons (<see cref="Buttons"/>, in order; empty means none).
/// </summary>
public sealed record Reply(string Key, object? Model = null, bool WithMenu = false, string? Literal = null, string? Language = null, string[]? Buttons = null)
{
    /// <summary>This exact text; its buttons are not checked.</summary>
    public static Reply Text(string literal) => new(string.Empty, Literal: literal);

    /// <summary>This exact text with exactly these buttons (suggested actions), in order.</summary>
    public static Reply Exactly(string literal, params string[] buttons) => new(string.Empty, Literal: literal, Buttons: buttons);

    public void AssertMatches(Activity reply, string language, string says)
    {
        var lang = Language ?? language;
        if (Literal is not null)
        {
            Assert.Equal(Literal, reply.Text);
        }
        else
        {
            var dot = Key.IndexOf('.', StringComparison.Ordinal);
            var (dialog, key) = (Key[..dot], Key[(dot + 1)..]);
            var catalogue = RepositoryFiles.Catalogue;
            var variants = Enumerable.Range(0, catalogue.VariantCount(dialog, key, lang))
                .Select(seed => Model is null
                    ? catalogue.Render(dialog, key, lang, variantSeed: seed)
                    : catalogue.Render(dialog, key, lang, Model, seed))
                .ToList();
            Assert.True(variants.Contains(reply.Text ?? string.Empty), $"'{says}': expected {Key} ({lang}), got: {reply.Text}");
        }
        if (WithMenu)
        {
            var labels = MainMenu.Buttons.Select(b => RepositoryFiles.Catalogue.Button(MainMenu.Dialog, b, lang));
            Assert.Equal(labels, reply.SuggestedActions?.Actions.Select(a => a.Title) ?? []);
        }
        if (Buttons is not null)
            Assert.Equal(Buttons, reply.SuggestedActions?.Actions.Select(a => a.Title ?? string.Empty) ?? []);
    }
}

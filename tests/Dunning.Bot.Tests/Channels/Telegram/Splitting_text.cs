using Dunning.Bot.Channels.Telegram;

namespace Dunning.Bot.Tests.Channels.Telegram;

public sealed class Splitting_text
{
    [Fact]
    public void Short_text_stays_one_message_and_blank_text_none()
    {
        Assert.Equal(["Hallo"], TelegramText.Split("  Hallo \n"));
        Assert.Empty(TelegramText.Split("   \n "));
        Assert.Empty(TelegramText.Split(null));
    }

    [Fact]
    public void Exactly_the_limit_is_one_message()
    {
        var text = new string('a', 4096);

        Assert.Equal([text], TelegramText.Split(text));
    }

    [Fact]
    public void A_paragraph_break_is_preferred_over_a_later_space()
    {
        var first = new string('a', 30) + " " + new string('b', 30);
        var text = first + "\n\n" + "c d e f g h i";

        var parts = TelegramText.Split(text, max: 70);

        Assert.Equal([first, "c d e f g h i"], parts);
    }

    [Fact]
    public void One_word_longer_than_the_limit_is_cut_hard()
    {
        var text = new string('x', 250);

        var parts = TelegramText.Split(text, max: 100);

        Assert.Equal([100, 100, 50], parts.Select(p => p.Length));
        Assert.Equal(text, string.Concat(parts));
    }

    [Fact]
    public void A_cut_never_separates_the_halves_of_an_emoji()
    {
        var text = new string('x', 99) + "😀" + new string('y', 50);

        var parts = TelegramText.Split(text, max: 100);

        Assert.Equal(99, parts[0].Length);
        Assert.StartsWith("😀", parts[1], StringComparison.Ordinal);
        Assert.Equal(text, string.Concat(parts));
    }

    [Fact]
    public void Every_part_of_a_long_mixed_text_fits_and_no_character_is_lost()
    {
        var random = new Random(7);
        var words = Enumerable.Range(0, 5000).Select(_ => new string('w', random.Next(1, 30)) + (random.Next(10) == 0 ? "\n" : " "));
        var text = string.Concat(words).Trim();

        var parts = TelegramText.Split(text);

        Assert.All(parts, p => Assert.InRange(p.Length, 1, TelegramText.MaxMessageLength));
        Assert.Equal(Squash(text), Squash(string.Join(' ', parts)));
    }

    private static string Squash(string text) => string.Join(' ', text.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries));
}

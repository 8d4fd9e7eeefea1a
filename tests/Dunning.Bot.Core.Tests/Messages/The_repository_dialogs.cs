using Dunning.Bot.Hosting;
using Dunning.Bot.Core.Messages;

namespace Dunning.Bot.Core.Tests.Messages;

/// <summary>The same check the host runs at start-up, over the dialogs/ folder in this repository.</summary>
public sealed class The_repository_dialogs
{
    private static readonly string Folder = RepositoryFiles.DialogsDirectory;

    [Fact]
    public void Load_without_a_single_problem()
    {
        var problems = DialogsFolder.Catalogue(Folder).Validate();
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void Speak_both_required_languages()
    {
        var catalogue = DialogsFolder.Catalogue(Folder);
        Assert.Contains("de", catalogue.Languages);
        Assert.Contains("en", catalogue.Languages);
    }

    [Theory]
    [InlineData("de", "Entschuldigung, bei mir ist gerade etwas schiefgelaufen. Bitte schreiben Sie mir noch einmal.")]
    [InlineData("en", "Sorry, something went wrong on my side. Please write again.")]
    public void Have_the_neutral_error_reply(string language, string expected) =>
        Assert.Equal(expected, DialogsFolder.Catalogue(Folder).Render("common", "error", language));
}

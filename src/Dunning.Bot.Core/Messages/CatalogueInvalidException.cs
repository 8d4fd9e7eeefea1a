namespace Dunning.Bot.Core.Messages;

/// <summary>Thrown by <see cref="MessageCatalogue.EnsureValid"/>: the dialogs folder has problems; all of them are listed.</summary>
public sealed class CatalogueInvalidException(IReadOnlyList<CatalogueProblem> problems)
    : InvalidOperationException(Describe(problems))
{
    public IReadOnlyList<CatalogueProblem> Problems { get; } = problems;

    private static string Describe(IReadOnlyList<CatalogueProblem> problems) =>
        $"The dialogs folder has {problems.Count} problem(s):{Environment.NewLine}  "
        + string.Join(Environment.NewLine + "  ", problems);
}

using Microsoft.Extensions.Options;

namespace Dunning.Bot.Core.Policies;

/// <summary>Fails fast on invalid policy options: one exception listing every problem.</summary>
internal static class OptionsCheck
{
    public static T Valid<T>(T options, Func<T, IReadOnlyList<string>> validate)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = validate(options);
        return problems.Count == 0 ? options : throw new OptionsValidationException(typeof(T).Name, typeof(T), problems);
    }
}

using Dunning.Bot.Core.Messages;
using Microsoft.Extensions.Options;

namespace Dunning.Bot.Staff.Insights;

/// <summary>
/// Turns <see cref="Insights"/> into concrete suggestions in the owner's language: each group of objections raised by at
/// least <see cref="InsightsOptions.MinDebtorsForAdvice"/> debtors and <see cref="InsightsOptions.MinShareForAdvice"/> of its
/// family gets the advice worded in <c>dialogs/insights.&lt;lang&gt;.yaml</c> (<c>advice_&lt;group&gt;</c>), most frequent first.
/// </summary>
public sealed class InsightsAdvice(MessageCatalogue catalogue, IOptions<InsightsOptions> options)
{
    public IReadOnlyList<Suggestion> For(Insights insights, string language)
    {
        ArgumentNullException.ThrowIfNull(insights);
        var o = options.Value;
        return [.. insights.ObjectionGroups
            .Where(g => g.Debtors >= o.MinDebtorsForAdvice && (double)g.Share >= o.MinShareForAdvice
                && catalogue.HasMessage(ObjectionMeaning.Dialog, $"advice_{g.Group}", language))
            .Select(g => new Suggestion(g.Group, catalogue.Render(ObjectionMeaning.Dialog, $"advice_{g.Group}", language, new Dictionary<string, object?>
            {
                ["share"] = Percent(g.Share, language), ["count"] = g.Debtors, ["total"] = g.FamilyTotal,
            })))];
    }

    /// <summary>The group's name in <paramref name="language"/>.</summary>
    public string GroupName(string group, string language) =>
        catalogue.HasMessage(ObjectionMeaning.Dialog, $"group_{group}", language) ? catalogue.Render(ObjectionMeaning.Dialog, $"group_{group}", language) : group;

    /// <summary>A share as the language writes a whole percentage ("33 %", "33%").</summary>
    public string Percent(decimal share, string language) => share.ToString("P0", catalogue.Culture(language));
}

/// <summary>One piece of advice for a group of objections.</summary>
public sealed record Suggestion(string Group, string Text);

using System.Text.Json;
using Dunning.Bot.Banking;
using Dunning.Bot.Hosting;

namespace Dunning.Bot.Tests.Banking;

/// <summary>The bank page words every reason code and match rule in German and English (never a code name on the page).</summary>
public sealed class Every_bank_reason_is_worded_for_the_console
{
    private static readonly Core.Messages.MessageCatalogue Catalogue = DialogsFolder.Catalogue(Path.Combine(AppContext.BaseDirectory, "dialogs")).EnsureValid();

    [Theory]
    [InlineData("de")]
    [InlineData("en")]
    public void Each_reason_code_and_rule_has_its_words(string language)
    {
        var keys = BankReasons.All.Select(c => "reason_" + c)
            .Concat(Enum.GetValues<MatchRule>().Select(r => "rule_" + JsonNamingPolicy.SnakeCaseLower.ConvertName(r.ToString())))
            .Concat(Enum.GetValues<BankReviewOutcome>().Select(o => "outcome_" + o.ToString().ToLowerInvariant()));

        var missing = keys.Where(k => !Catalogue.HasMessage("console_bank", k, language)).ToList();

        Assert.True(missing.Count == 0, $"console_bank.{language}.yaml lacks: {string.Join(", ", missing)}");
    }
}

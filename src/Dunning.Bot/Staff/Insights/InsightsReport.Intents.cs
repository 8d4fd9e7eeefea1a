using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Understanding;

namespace Dunning.Bot.Staff.Insights;

public sealed partial class InsightsReport
{
    /// <summary>Inbound messages read per debtor (the latest ones), so a very chatty debtor cannot dominate or stall the page.</summary>
    private const int MessagesPerDebtor = 200;

    /// <summary>What debtors wrote, by the intent the bot recognizes in each of their messages (greetings and small talk left out).</summary>
    private async Task<IReadOnlyList<Count>> IntentsAsync(IReadOnlyList<DunningCase> all, CancellationToken cancellationToken)
    {
        var context = RecognitionContext.At(clock, TimeZoneInfo.Utc, "de");
        var intents = new List<string>();
        foreach (var dunningCase in all)
        {
            var entries = await transcripts.ListByDebtorAsync(dunningCase.DebtorId, MessagesPerDebtor, cancellationToken);
            intents.AddRange(entries
                .Where(e => e.Direction == TranscriptDirection.Inbound && e.Type == Conversations.ActivityTypes.Message && !string.IsNullOrWhiteSpace(e.Text))
                .Select(e => recognizer.Recognize(e.Text, context).Intent)
                .Where(i => i is not (Intent.Unknown or Intent.Greeting or Intent.Thanks or Intent.Affirm or Intent.Deny))
                .Select(i => i.ToString()));
        }
        return Rank(intents);
    }
}

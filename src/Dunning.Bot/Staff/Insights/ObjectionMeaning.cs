using System.Text;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Messages;
using Dunning.Bot.Core.Understanding;

namespace Dunning.Bot.Staff.Insights;

/// <summary>
/// Puts an objection into a group by its meaning: the recognized intent of a debtor's message (claimed paid, hardship,
/// more time, unclear invoice, …), and for disputes the topic whose keywords (<c>dialogs/insights.*.yaml</c>,
/// <c>keywords_&lt;topic&gt;</c>, every language's list) the text contains — hours, price, defects, not received, or other.
/// </summary>
public sealed class ObjectionMeaning
{
    public const string Dialog = "insights";
    public const string DisputePrefix = "dispute_";
    public const string OtherDispute = "dispute_other";

    /// <summary>Every group, dispute topics first; the order of the advice when counts tie.</summary>
    public static readonly IReadOnlyList<string> Groups =
    [
        "dispute_hours", "dispute_price", "dispute_quality", "dispute_not_received", OtherDispute,
        "claimed_paid", "hardship", "more_time", "invoice_unclear", "payment_unclear", "stop_contact",
    ];

    private readonly IReadOnlyList<(string Topic, string[] Keywords)> topics;

    public ObjectionMeaning(MessageCatalogue catalogue)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        topics = [.. Groups.Where(g => g.StartsWith(DisputePrefix, StringComparison.Ordinal) && g != OtherDispute).Select(topic => (topic,
            catalogue.Languages.Where(l => catalogue.HasMessage(Dialog, $"keywords_{topic}", l))
                .SelectMany(l => catalogue.Render(Dialog, $"keywords_{topic}", l).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                .Select(Fold).Distinct(StringComparer.Ordinal).ToArray()))];
    }

    /// <summary>The group of a debtor's message with <paramref name="intent"/>, or null when it is no objection.</summary>
    public string? OfMessage(Intent intent, string text) => intent switch
    {
        Intent.Dispute => DisputeTopic(text),
        Intent.ClaimPaid => "claimed_paid",
        Intent.Hardship => "hardship",
        Intent.RequestDeferral or Intent.RequestInstalments => "more_time",
        Intent.AskInvoiceDetails or Intent.RequestInvoiceCopy => "invoice_unclear",
        Intent.AskPaymentDetails => "payment_unclear",
        Intent.StopContact => "stop_contact",
        _ => null,
    };

    /// <summary>The group of a case-history entry (dispute, objection, hardship, claimed paid), or null for other kinds.</summary>
    public string? OfAction(CaseAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        return action.Kind switch
        {
            CaseActionKinds.Dispute or CaseActionKinds.Objection => DisputeTopic(action.Summary),
            CaseActionKinds.Hardship => "hardship",
            CaseActionKinds.ClaimedPaid => "claimed_paid",
            _ => null,
        };
    }

    /// <summary>The dispute topic whose keywords <paramref name="text"/> contains first, else <see cref="OtherDispute"/>.</summary>
    public string DisputeTopic(string? text)
    {
        var folded = Fold(text ?? "");
        return topics.FirstOrDefault(t => t.Keywords.Any(k => folded.Contains(k, StringComparison.Ordinal))).Topic ?? OtherDispute;
    }

    /// <summary>Lower case, umlauts and ß as plain letters (ä → a, ß → ss), so "Stundensatz" and "stundensatz" meet.</summary>
    private static string Fold(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.ToLowerInvariant())
        {
            builder.Append(c switch { 'ä' => "a", 'ö' => "o", 'ü' => "u", 'ß' => "ss", '’' => "'", _ => c.ToString() });
        }
        return builder.ToString();
    }
}

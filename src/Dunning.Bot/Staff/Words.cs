using System.Collections.Frozen;
using System.Text.Json;
using System.Text.RegularExpressions;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Messages;

namespace Dunning.Bot.Staff;

/// <summary>
/// The words for names the code uses — statuses, kinds, reasons, channels, ladder stages, intents — from
/// <c>dialogs/words.&lt;lang&gt;.yaml</c> (key <c>&lt;group&gt;_&lt;name in snake_case&gt;</c>). A name without a word
/// (a ladder stage the owner added) is shown as it is, never as an error.
/// </summary>
public sealed partial class Words(MessageCatalogue catalogue)
{
    public const string Dialog = "words";

    /// <summary>The code's compound names (two or more capitals) that stored summaries may contain, with their group.</summary>
    private static readonly FrozenDictionary<string, string> Compounds = new[]
        {
            (typeof(EscalationReason), "reason"), (typeof(AgreementKind), "agreement"), (typeof(AgreementState), "state"), (typeof(InvoiceStatus), "status"),
        }
        .SelectMany(e => Enum.GetNames(e.Item1).Where(n => n.Count(char.IsUpper) > 1).Select(n => (Name: n, Group: e.Item2)))
        .DistinctBy(p => p.Name)
        .ToFrozenDictionary(p => p.Name, p => p.Group, StringComparer.Ordinal);

    /// <summary>The word for <paramref name="name"/> (an enum value or a snake_case/dotted key) in <paramref name="group"/>.</summary>
    public string Of(string group, string name, string language)
    {
        ArgumentNullException.ThrowIfNull(name);
        var key = $"{group}_{JsonNamingPolicy.SnakeCaseLower.ConvertName(name).Replace('.', '_').Replace('-', '_')}";
        return catalogue.HasMessage(Dialog, key, language) ? catalogue.Render(Dialog, key, language) : name;
    }

    /// <inheritdoc cref="Of(string, string, string)"/>
    public string Of<T>(string group, T value, string language) where T : struct, Enum => Of(group, value.ToString(), language);

    /// <summary>
    /// <paramref name="text"/> (a stored summary) with the code's compound names in it — <c>RequestHuman</c>,
    /// <c>AwaitingApproval</c>, <c>InstalmentPlan</c> — replaced by their words; everything else stays as written.
    /// </summary>
    public string Replace(string text, string language)
    {
        ArgumentNullException.ThrowIfNull(text);
        return CompoundName().Replace(text, m => Compounds.TryGetValue(m.Value, out var group) ? Of(group, m.Value, language) : m.Value);
    }

    /// <summary>The channel's word for a conversation key such as <c>webchat/bc28…</c> (the part before the slash).</summary>
    public string Channel(string conversationKey, string language)
    {
        ArgumentNullException.ThrowIfNull(conversationKey);
        var slash = conversationKey.IndexOf('/', StringComparison.Ordinal);
        return Of("channel", slash > 0 ? conversationKey[..slash] : conversationKey, language);
    }

    [GeneratedRegex(@"\b[A-Z][a-z]+(?:[A-Z][a-z]+)+\b")]
    private static partial Regex CompoundName();
}

using System.Text;

namespace Dunning.Bot.Banking;

/// <summary>Payer and debtor names as compared: lower case, umlauts spelled out as banks transmit them, punctuation dropped.</summary>
internal static class PayerName
{
    public static string Normalize(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var sb = new StringBuilder(name.Length);
        foreach (var c in name.ToLowerInvariant())
        {
            _ = c switch
            {
                'ä' => sb.Append("ae"),
                'ö' => sb.Append("oe"),
                'ü' => sb.Append("ue"),
                'ß' => sb.Append("ss"),
                _ when char.IsLetterOrDigit(c) => sb.Append(c),
                _ when sb.Length > 0 && sb[^1] != ' ' => sb.Append(' '),
                _ => sb,
            };
        }
        return sb.ToString().Trim();
    }
}

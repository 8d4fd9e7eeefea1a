using System.Globalization;
using System.Text;

namespace Dunning.Bot.Core.Understanding;

/// <summary>
/// Folds words so spelling variants meet: lower case, ä→a ö→o ü→u ß→ss, other diacritics
/// stripped, runs of three or more equal letters collapsed ("jaaaa" → "ja"). German keys
/// additionally fold the umlaut spellings ae/oe/ue, so "ueberweisen", "uberweisen" and
/// "überweisen" all become "uberweisen".
/// </summary>
internal static class Folding
{
    private static readonly string?[] Latin = BuildLatinTable();

    public static string Fold(string lower, bool keepHyphens)
    {
        var sb = new StringBuilder(lower.Length);
        foreach (var ch in lower)
        {
            if (ch == '-' && !keepHyphens)
                continue;
            if (ch == '\'')
                continue;
            if (ch < Latin.Length && Latin[ch] is { } folded)
                sb.Append(folded);
            else
                sb.Append(ch);
        }
        return CollapseRuns(sb);
    }

    /// <summary>The folded form of one lower-case letter ("ä" → "a", "ß" → "ss"), or null when it stays as it is.</summary>
    public static string? FoldChar(char lower) => lower < Latin.Length ? Latin[lower] : null;

    /// <summary>The German key of an already folded word: ae/oe/ue → a/o/u.</summary>
    public static string GermanKey(string folded)
    {
        if (folded.Length < 3 || folded.IndexOf('e', 1) < 0)
            return folded;
        var sb = new StringBuilder(folded.Length);
        for (var i = 0; i < folded.Length; i++)
        {
            var ch = folded[i];
            // "que" (Quelle, queue) and "eue" (neue, teuer) are not umlaut spellings.
            if (ch == 'e' && i > 0 && folded[i - 1] is 'a' or 'o' or 'u'
                && !(i > 1 && folded[i - 2] is 'q' or 'e' && folded[i - 1] == 'u'))
                continue;
            sb.Append(ch);
        }
        return sb.ToString();
    }

    private static string CollapseRuns(StringBuilder sb)
    {
        var i = 0;
        var result = new StringBuilder(sb.Length);
        while (i < sb.Length)
        {
            var ch = sb[i];
            var run = 1;
            while (i + run < sb.Length && sb[i + run] == ch)
                run++;
            result.Append(ch, run >= 3 && char.IsLetter(ch) ? 1 : run);
            i += run;
        }
        return result.ToString();
    }

    private static string?[] BuildLatinTable()
    {
        var table = new string?[0x250];
        for (var c = 0xC0; c < table.Length; c++)
        {
            var lower = char.ToLowerInvariant((char)c);
            var decomposed = lower.ToString().Normalize(NormalizationForm.FormD);
            var kept = new StringBuilder();
            foreach (var d in decomposed)
            {
                if (CharUnicodeInfo.GetUnicodeCategory(d) != UnicodeCategory.NonSpacingMark)
                    kept.Append(d);
            }
            table[c] = kept.ToString();
        }
        table['ß'] = "ss";
        table['æ'] = "ae";
        table['ø'] = "o";
        table['œ'] = "oe";
        return table;
    }
}

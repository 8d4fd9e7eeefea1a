namespace Dunning.Bot.Core.Understanding;

internal static partial class DateExtractor
{
    /// <summary>"bis Weihnachten" (its fixed day); "nach Weihnachten" is open-ended and names no date.</summary>
    private static DateMention? Holiday(MessageAnalysis message, int i)
    {
        var dates = message.Model.Dates;
        if (!dates.Holidays.TryGetValue(message.Words[i], out var holiday))
            return null;
        message.Consumed[i] = true;
        return i > 0 && dates.OpenAfter.Contains(message.Words[i - 1]) ? null : new DateMention.DayMonth(holiday.Day, holiday.Month);
    }

    /// <summary>"first week of January", "erste Woche im Januar": the last day of that week, the debtor's "by then".</summary>
    private static DateMention? WeekOfMonth(MessageAnalysis message, int i)
    {
        var dates = message.Model.Dates;
        var words = message.Words;
        if (!dates.WeekOrdinals.TryGetValue(words[i], out var week) || i + 1 >= words.Count
            || dates.Units.GetValueOrDefault(words[i + 1]) != "week")
            return null;
        for (var k = i + 2; k <= i + 3 && k < words.Count; k++)
        {
            if (!dates.Months.TryGetValue(words[k], out var month))
                continue;
            Consume(message, i, k + 1);
            return new DateMention.DayMonth(7 * week, month);
        }
        return null;
    }

    /// <summary>"am 1.", "on the 15th": a day number written as an ordinal right after a day preposition.</summary>
    private static DateMention? DayAlone(MessageAnalysis message, int i)
    {
        if (i == 0 || !message.Model.Dates.DayPrepositions.Contains(message.Words[i - 1]))
            return null;
        var token = message.TokenAt(i);
        var ordinal = token.Kind == TokenKind.Mixed || (token.Kind == TokenKind.Number && token.Raw.EndsWith('.'));
        if (!ordinal || DayAt(message, i) is not { } day)
            return null;
        message.Consumed[i] = true;
        return new DateMention.DayOfMonth(day);
    }
}

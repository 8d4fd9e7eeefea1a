using System.Globalization;
using Dunning.Bot.Core.Domain;
using Fluid;
using Fluid.Values;

namespace Dunning.Bot.Core.Messages;

/// <summary>
/// The filters owners use in dialog files. Each formats in the culture of the language being rendered
/// (<see cref="TemplateContext.CultureInfo"/>), so one template shape serves every language.
/// <list type="bullet">
/// <item><c>money</c>: a <see cref="Money"/>, or a number plus an optional ISO currency argument.</item>
/// <item><c>date</c>: a date; no argument = the language's default, <c>"long"</c>, <c>"short"</c>, or a .NET pattern.</item>
/// <item><c>percent</c>: a number of percent (5 = 5 %), up to two decimals, trailing zeros dropped.</item>
/// </list>
/// </summary>
internal sealed class MessageFilters(MessageCatalogueOptions options)
{
    public void Register(FilterCollection filters)
    {
        filters.AddFilter("money", Money);
        filters.AddFilter("date", Date);
        filters.AddFilter("percent", Percent);
    }

    private ValueTask<FluidValue> Money(FluidValue input, FilterArguments arguments, TemplateContext context)
    {
        if (input.IsNil())
            return new(StringValue.Empty);
        var (amount, currency) = input.ToObjectValue() is Money money
            ? (money.Amount, money.Currency)
            : (input.ToNumberValue(), Currency.Normalize(arguments.Count > 0 ? arguments.At(0).ToStringValue() : options.DefaultCurrency));
        return new(new StringValue(CurrencySymbols.Format(amount, currency, context.CultureInfo)));
    }

    private ValueTask<FluidValue> Date(FluidValue input, FilterArguments arguments, TemplateContext context)
    {
        if (ToDate(input) is not { } date)
            return new(input.IsNil() ? StringValue.Empty : input);
        var culture = context.CultureInfo;
        var language = culture.TwoLetterISOLanguageName;
        var style = arguments.Count > 0 ? arguments.At(0).ToStringValue() : string.Empty;
        var pattern = style switch
        {
            "" => options.DateFormats.TryGetValue(language, out var p) ? p : culture.DateTimeFormat.ShortDatePattern,
            "long" => options.LongDateFormats.TryGetValue(language, out var p) ? p : culture.DateTimeFormat.LongDatePattern,
            "short" => culture.DateTimeFormat.ShortDatePattern,
            _ => style,
        };
        return new(new StringValue(Spaces.Plain(date.ToString(pattern, culture))));
    }

    private ValueTask<FluidValue> Percent(FluidValue input, FilterArguments arguments, TemplateContext context)
    {
        if (input.IsNil())
            return new(StringValue.Empty);
        var value = Math.Round(input.ToNumberValue(), 2, MidpointRounding.AwayFromZero);
        var format = (NumberFormatInfo)context.CultureInfo.NumberFormat.Clone();
        format.PercentDecimalDigits = value == Math.Round(value) ? 0 : value * 10 == Math.Round(value * 10) ? 1 : 2;
        return new(new StringValue(Spaces.Plain((value / 100m).ToString("P", format))));
    }

    private static DateOnly? ToDate(FluidValue input) => input.ToObjectValue() switch
    {
        DateOnly d => d,
        DateTime dt => DateOnly.FromDateTime(dt),
        DateTimeOffset dto => DateOnly.FromDateTime(dto.DateTime),
        string s when DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) => d,
        _ => null,
    };
}

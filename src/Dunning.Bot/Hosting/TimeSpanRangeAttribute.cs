using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace Dunning.Bot.Hosting;

/// <summary>
/// A TimeSpan option between <see cref="Minimum"/> and <see cref="Maximum"/> (constant "d.hh:mm:ss" strings). Parsed once
/// in the constructor: <c>[Range(typeof(TimeSpan), …)]</c> sets up its conversion lazily and not thread-safely, so
/// hosts validating options at the same moment could fail with an InvalidCastException.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class TimeSpanRangeAttribute(string minimum, string maximum) : ValidationAttribute
{
    public TimeSpan Minimum { get; } = TimeSpan.Parse(minimum, CultureInfo.InvariantCulture);

    public TimeSpan Maximum { get; } = TimeSpan.Parse(maximum, CultureInfo.InvariantCulture);

    public override bool IsValid(object? value) => value is not TimeSpan span || (span >= Minimum && span <= Maximum);

    public override string FormatErrorMessage(string name) =>
        string.Format(CultureInfo.InvariantCulture, "The field {0} must be between {1} and {2}.", name, Minimum, Maximum);
}

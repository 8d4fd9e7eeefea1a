using System.ComponentModel.DataAnnotations;
using Dunning.Bot.Channels.WebChat;

namespace Dunning.Bot.Tests.Configuration;

/// <summary>
/// TimeSpan options are range-checked by <c>TimeSpanRange</c>, which parses its bounds up front: many hosts validating
/// at once (the test suite starts them in parallel) must never hit the lazy conversion race of <c>RangeAttribute</c>.
/// </summary>
public sealed class Time_span_options_are_checked_against_their_range
{
    private static List<ValidationResult> Validate(WebChatOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results;
    }

    [Fact]
    public void A_value_outside_the_range_is_named_with_its_bounds_and_the_defaults_pass()
    {
        Assert.Empty(Validate(new WebChatOptions()));

        var tooShort = Validate(new WebChatOptions { TokenLifetime = TimeSpan.FromSeconds(5) });

        Assert.Equal("The field TokenLifetime must be between 00:01:00 and 1.00:00:00.", Assert.Single(tooShort).ErrorMessage);
    }

    [Fact]
    public async Task Validating_from_many_threads_at_once_never_throws()
    {
        var failures = await Task.WhenAll(Enumerable.Range(0, 64).Select(_ => Task.Run(() => Validate(new WebChatOptions { TokenMaxAge = TimeSpan.FromDays(40) }).Count)));

        Assert.All(failures, count => Assert.Equal(1, count));
    }
}

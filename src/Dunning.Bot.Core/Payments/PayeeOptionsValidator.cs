using Microsoft.Extensions.Options;

namespace Dunning.Bot.Core.Payments;

/// <summary>Runs <see cref="PayeeOptions.Validate"/> for the options system (with ValidateOnStart: fail at start-up).</summary>
public sealed class PayeeOptionsValidator : IValidateOptions<PayeeOptions>
{
    public ValidateOptionsResult Validate(string? name, PayeeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}

using Dunning.Bot.Core.Chat;
using Dunning.Bot.Core.Dialogs;
using Microsoft.Extensions.Options;

namespace Dunning.Bot.Hosting;

/// <summary>Refuses to start with invalid <c>Conversations</c> options, naming every problem.</summary>
internal sealed class ConversationOptionsValidation : IValidateOptions<ConversationOptions>
{
    public ValidateOptionsResult Validate(string? name, ConversationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}

using Dunning.Bot.Core.Understanding;

namespace Dunning.Bot.Core.Dialogs;

/// <summary>
/// The result an <see cref="IntentDialog"/> ends with when the debtor changed the subject while it waited for an
/// answer ("the invoice is wrong anyway" in the middle of a negotiation). Nothing of the interrupted dialog was
/// stored. MainDialog starts the dialog handling <see cref="Understanding"/>'s intent in the same turn, passing
/// <see cref="Understanding"/> as its options, exactly as if the message had arrived with no dialog running.
/// </summary>
/// <param name="Understanding">The message that interrupted, as recognized.</param>
public sealed record Interruption(MessageUnderstanding Understanding);

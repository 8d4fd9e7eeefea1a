namespace Dunning.Bot.Core.Policies;

public enum ContactDecisionKind
{
    /// <summary>Send now.</summary>
    Allowed,

    /// <summary>Do not send (see the reason); a later sweep may ask again.</summary>
    Suppressed,

    /// <summary>Not now: send at <see cref="ContactDecision.Until"/>, the next allowed instant.</summary>
    Deferred,
}

namespace Dunning.Bot.Storage.Migration;

/// <summary>An inbound e-mail already handled (id: its Message-ID or UID key) and how: copied, so it is not taken twice after the move.</summary>
internal sealed record EmailInboundRecord(string Outcome, DateTimeOffset At);

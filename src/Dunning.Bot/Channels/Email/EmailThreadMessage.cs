namespace Dunning.Bot.Channels.Email;

/// <summary>One e-mail of a debtor's thread as the console lists it: when, from the debtor or to them, and its subject.</summary>
public sealed record EmailThreadMessage(DateTimeOffset At, bool Inbound, string Subject);

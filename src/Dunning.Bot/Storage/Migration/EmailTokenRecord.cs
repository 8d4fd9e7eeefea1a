namespace Dunning.Bot.Storage.Migration;

/// <summary>A debtor's e-mail reply token (id: the debtor): copied, so a reply to a message sent before the move still finds its debtor.</summary>
internal sealed record EmailTokenRecord(string Token);

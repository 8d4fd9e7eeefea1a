namespace Dunning.Bot.Core.Domain;

/// <summary>
/// One activity of a conversation as the case file and the console show it: who said what, with which buttons,
/// attachments (by name) and submitted value. Credentials a debtor sent to link the chat (access code, link token)
/// are stored redacted. <see cref="DebtorId"/> is null for turns before the chat was bound.
/// </summary>
/// <param name="ConversationKey">The conversation (<see cref="ConversationLink.KeyFor"/>).</param>
/// <param name="DebtorId">The debtor bound to the conversation at that time, if any.</param>
/// <param name="At">When the activity was received or sent.</param>
/// <param name="Direction">Inbound (from the debtor) or outbound (bot or staff).</param>
/// <param name="Type">The activity type (<c>message</c>, <c>event</c>, …).</param>
/// <param name="Text">The text, as sent or received (redacted where noted).</param>
/// <param name="Sender">Who sent it: the channel's user name or id, the bot, or the staff member.</param>
public sealed record TranscriptEntry(
    string ConversationKey,
    string? DebtorId,
    DateTimeOffset At,
    TranscriptDirection Direction,
    string Type,
    string? Text,
    string? Sender = null)
{
    /// <summary>Labels of the buttons (suggested actions and card actions) offered with the activity.</summary>
    public IReadOnlyList<string> Buttons { get; init; } = [];

    /// <summary>Names (or content types) of attached files and cards.</summary>
    public IReadOnlyList<string> Attachments { get; init; } = [];

    /// <summary>
    /// The pictures the debtor saw (image attachments such as the GiroCode): each a <c>data:image/…</c> URI or an
    /// address, in order; one longer than <c>Conversations:TranscriptMaxImageChars</c> is left out (its name stays in
    /// <see cref="Attachments"/>).
    /// </summary>
    public IReadOnlyList<string> Images { get; init; } = [];

    /// <summary>The activity's value (card submit, event payload) as JSON, capped in length.</summary>
    public string? Value { get; init; }

    /// <summary>The event name (<c>webchat/join</c>) for event activities.</summary>
    public string? Name { get; init; }

    /// <summary>The channel's id of the activity, if it had one.</summary>
    public string? ActivityId { get; init; }
}

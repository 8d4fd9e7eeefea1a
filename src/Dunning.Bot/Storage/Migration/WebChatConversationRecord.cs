namespace Dunning.Bot.Storage.Migration;

/// <summary>A Direct Line conversation the web chat started (id: the conversation id); its activities are <see cref="WebChatActivityRecord"/>s.</summary>
internal sealed record WebChatConversationRecord(string UserId, DateTimeOffset CreatedAt);

using System.Text.Json.Nodes;

namespace Dunning.Bot.Tests.Fakes.BotFramework;

/// <summary>One request the fake Bot Connector received, with the status it answered.</summary>
public sealed record ConnectorRequest(
    string Method,
    string Path,
    string? ConversationId,
    string? ReplyToId,
    string? Authorization,
    string Body,
    JsonNode? Json,
    int Status);

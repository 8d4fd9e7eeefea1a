using System.Text.Json;
using Dunning.Bot.Conversations;

namespace Dunning.Bot.Tests.Channels.WebChat;

/// <summary>
/// A small stand-in bot for channel tests: greets on <c>webchat/join</c> (saying whether a link token came
/// with it, in the join's locale), echoes messages with two suggested replies, and sends an image and a
/// document link when asked for "invoice".
/// </summary>
internal sealed class EchoTestBot : IBot
{
    public const string OnePixelPng =
        "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";

    public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        if (activity is { Type: ActivityTypes.Event, Name: "webchat/join" })
        {
            var value = activity.Value ?? default;
            var linked = value.ValueKind == JsonValueKind.Object && value.TryGetProperty("linkToken", out var t) && t.GetString() is { Length: > 0 };
            var locale = value.ValueKind == JsonValueKind.Object && value.TryGetProperty("locale", out var l) ? l.GetString() : null;
            var german = locale?.StartsWith("de", StringComparison.Ordinal) == true;
            var greeting = activity.CreateReply(linked
                ? (german ? "Willkommen! Ihr Link wurde erkannt." : "Welcome! Your link was recognised.")
                : (german ? "Bitte geben Sie Ihren Zugangscode ein." : "Please enter your access code."));
            greeting.Locale = locale;
            greeting.SuggestedActions = new SuggestedActions { Actions = [Button("Rechnung zeigen", "invoice"), Button("<b>Hilfe</b>", "help")] };
            await turnContext.SendActivityAsync(greeting, cancellationToken);
            return;
        }
        if (activity.Type != ActivityTypes.Message)
            return;
        var reply = activity.CreateReply("echo: " + activity.Text);
        if (activity.Text == "invoice")
        {
            reply.Attachments =
            [
                new Attachment { ContentType = "image/png", ContentUrl = OnePixelPng, Name = "GiroCode" },
                new Attachment { ContentType = "application/pdf", ContentUrl = "https://example.invalid/invoice.pdf", Name = "RE-1.pdf" },
            ];
        }
        reply.SuggestedActions = new SuggestedActions { Actions = [Button("Yes", "yes"), Button("No", "no")] };
        await turnContext.SendActivityAsync(reply, cancellationToken);
    }

    private static CardAction Button(string title, string value) =>
        new() { Type = CardAction.ImBack, Title = title, Value = JsonSerializer.SerializeToElement(value) };
}

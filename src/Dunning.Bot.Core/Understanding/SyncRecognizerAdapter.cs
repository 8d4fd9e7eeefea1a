namespace Dunning.Bot.Core.Understanding;

/// <summary>
/// Presents a synchronous <see cref="IMessageRecognizer"/> (the offline one) as an
/// <see cref="IAsyncMessageRecognizer"/>: the default when no model is configured. Completes synchronously
/// and keeps the inner recognizer's contract (never throws for any text).
/// </summary>
public sealed class SyncRecognizerAdapter(IMessageRecognizer inner) : IAsyncMessageRecognizer
{
    /// <inheritdoc />
    public ValueTask<MessageUnderstanding> RecognizeAsync(string? text, RecognitionContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(inner.Recognize(text, context));
}

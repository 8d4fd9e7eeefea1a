namespace Dunning.Bot.Core.Understanding;

/// <summary>
/// The asynchronous form of <see cref="IMessageRecognizer"/>, for recognizers that may ask a
/// model. Same contract: never throws for any text, <see cref="Intent.Unknown"/> when nothing fits.
/// </summary>
public interface IAsyncMessageRecognizer
{
    /// <summary>Recognizes language, intent and entities of <paramref name="text"/>.</summary>
    ValueTask<MessageUnderstanding> RecognizeAsync(string? text, RecognitionContext context, CancellationToken cancellationToken);
}

namespace Dunning.Bot.Core.Understanding;

/// <summary>
/// Understands one debtor message. Implementations are thread-safe, never throw for any text
/// (empty, huge, control characters, mixed scripts) and return <see cref="Intent.Unknown"/>
/// when nothing fits.
/// </summary>
public interface IMessageRecognizer
{
    /// <summary>Recognizes language, intent and entities of <paramref name="text"/>.</summary>
    MessageUnderstanding Recognize(string? text, RecognitionContext context);
}

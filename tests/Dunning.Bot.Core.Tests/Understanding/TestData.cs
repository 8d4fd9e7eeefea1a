using Dunning.Bot.Hosting;
using Dunning.Bot.Core.Understanding;

namespace Dunning.Bot.Core.Tests.Understanding;

/// <summary>The real data files from the repository's dialogs folder, loaded once.</summary>
internal static class TestData
{
    private static readonly Lazy<UnderstandingData> Data = new(() => DialogsFolder.Understanding(RepositoryFiles.DialogsDirectory));

    public static readonly DateOnly Today = new(2026, 11, 26); // a Thursday

    public static OfflineRecognizer Recognizer { get; } = new(Data.Value);

    public static TimeZoneInfo Berlin { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    public static MessageUnderstanding Recognize(string text, string fallback = "en") =>
        Recognizer.Recognize(text, new RecognitionContext(Today, Berlin, fallback));

    public static MessageUnderstanding RecognizeOn(DateOnly today, string text) =>
        Recognizer.Recognize(text, new RecognitionContext(today, Berlin, "en"));
}

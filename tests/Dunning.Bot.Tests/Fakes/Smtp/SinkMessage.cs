namespace Dunning.Bot.Tests.Fakes.Smtp;

/// <summary>The envelope of one message the <see cref="SmtpSink"/> accepted: sender, recipients, when its DATA ended.</summary>
public sealed record SinkMessage(string From, IReadOnlyList<string> To, DateTimeOffset At);

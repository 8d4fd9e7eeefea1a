namespace Dunning.Bot.Core.Understanding;

/// <summary>The understanding data files are missing or invalid; the message names the file and every problem found.</summary>
public sealed class UnderstandingDataException : Exception
{
    public UnderstandingDataException(string message)
        : base(message)
    {
    }

    public UnderstandingDataException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public UnderstandingDataException()
    {
    }
}

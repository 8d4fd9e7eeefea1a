namespace Dunning.Bot.Channels.Email;

/// <summary>An invoice document to attach (<see cref="Content"/>), or why it is missing (<see cref="Problem"/>).</summary>
public sealed record InvoiceDocument(string InvoiceNumber, string FileName, string ContentType, byte[]? Content, string? Problem)
{
    public static InvoiceDocument Missing(string number, string problem) => new(number, "", "", null, problem);
}

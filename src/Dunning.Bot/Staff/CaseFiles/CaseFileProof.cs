namespace Dunning.Bot.Staff.CaseFiles;

/// <summary>A proof of payment the debtor sent (the file itself is downloaded from the console; here what identifies it: name, type, size, SHA-256).</summary>
public sealed record CaseFileProof(string Id, DateTimeOffset ReceivedAt, string Name, string ContentType, long Size, string Sha256, string Channel,
    IReadOnlyList<string> Invoices);

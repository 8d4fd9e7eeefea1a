using Dunning.Bot.Uploads;

namespace Dunning.Bot.Storage.Migration;

/// <summary>
/// A proof of payment: the record and, when the database holds the files (no <c>Uploads:Folder</c>), its content.
/// With a folder the files stay where they are and only the records move.
/// </summary>
internal sealed record ProofRecord(ProofFile Proof, byte[]? Content);

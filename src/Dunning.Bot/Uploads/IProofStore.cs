namespace Dunning.Bot.Uploads;

/// <summary>
/// Proof-of-payment files kept beside the case (implemented in <c>Storage/</c>). Content is written before the record and
/// removed when the record cannot be written, so a record never points at nothing.
/// </summary>
public interface IProofStore
{
    /// <summary>How many proofs the debtor has.</summary>
    Task<int> CountAsync(string debtorId, CancellationToken cancellationToken);

    /// <summary>The debtor's proofs, oldest first.</summary>
    Task<IReadOnlyList<ProofFile>> ListAsync(string debtorId, CancellationToken cancellationToken);

    /// <summary>The record and content of proof <paramref name="id"/> of <paramref name="debtorId"/>; null when there is none for that debtor.</summary>
    Task<(ProofFile Proof, byte[] Content)?> OpenAsync(string debtorId, string id, CancellationToken cancellationToken);

    /// <summary>Keeps <paramref name="content"/> and its record.</summary>
    Task SaveAsync(ProofFile proof, byte[] content, CancellationToken cancellationToken);

    /// <summary>Removes a proof (record and content); false when there was none.</summary>
    Task<bool> DeleteAsync(string id, CancellationToken cancellationToken);

    /// <summary>Removes every proof of a debtor (erasure); returns how many.</summary>
    Task<int> EraseAsync(string debtorId, CancellationToken cancellationToken);
}

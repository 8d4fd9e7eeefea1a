namespace Dunning.Bot.Core.Proofs;

/// <summary>
/// The answer to a proof of payment: the files kept (by their shown names), or why none was, with the limit that was
/// passed where there is one (megabytes for <see cref="ProofRefusal.TooLarge"/>, files for <see cref="ProofRefusal.TooMany"/>).
/// </summary>
public sealed record ProofReceipt(ProofRefusal? Refusal, IReadOnlyList<string> FileNames, long? Limit = null)
{
    public bool Kept => Refusal is null && FileNames.Count > 0;

    public static ProofReceipt Refused(ProofRefusal refusal, long? limit = null) => new(refusal, [], limit);

    public static ProofReceipt Of(IReadOnlyList<string> fileNames) => new(null, fileNames);
}

namespace Dunning.Bot.Core.Proofs;

/// <summary>Why the files of a message were not kept; each has its own answer in <c>dialogs/payment_claim.*.yaml</c>.</summary>
public enum ProofRefusal
{
    /// <summary>A file without content (0 bytes).</summary>
    Empty,

    /// <summary>A file larger than <c>Uploads:MaxFileBytes</c>.</summary>
    TooLarge,

    /// <summary>More files in one message than <c>Uploads:MaxFilesPerMessage</c>, or the case already holds <c>Uploads:MaxFilesPerCase</c>.</summary>
    TooMany,

    /// <summary>Content that is none of PDF, PNG, JPEG, HEIC.</summary>
    WrongType,

    /// <summary>Named or declared as an allowed type (say "receipt.pdf") but the content is something else.</summary>
    Disguised,

    /// <summary>The channel could not deliver the file (download failed, expired link).</summary>
    Unreadable,
}

namespace Dunning.Bot.Storage.Migration;

/// <summary>A web chat token signing key: copied, so the tokens issued before the move stay valid after it.</summary>
internal sealed record SigningKeyRecord(byte[] Key);

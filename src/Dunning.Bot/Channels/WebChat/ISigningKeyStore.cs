namespace Dunning.Bot.Channels.WebChat;

/// <summary>Secret keys the host generates once and keeps across restarts (the Direct Line token signing key).</summary>
public interface ISigningKeyStore
{
    /// <summary>
    /// The key stored under <paramref name="keyId"/>; when there is none, stores <paramref name="candidate"/> and returns it.
    /// Of two hosts racing to store one, both get the same (the first stored) key.
    /// </summary>
    byte[] GetOrAdd(string keyId, byte[] candidate);
}

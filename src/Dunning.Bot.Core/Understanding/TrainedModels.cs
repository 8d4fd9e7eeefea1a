using System.Security.Cryptography;
using System.Text;

namespace Dunning.Bot.Core.Understanding;

/// <summary>
/// Trains each distinct set of examples once per process: training is deterministic, so the same examples give the
/// same model, and a process that loads the same data again (tests, several hosts in one process) reuses it.
/// Keeps the few most recent models only.
/// </summary>
internal static class TrainedModels
{
    private const int Keep = 4;

    private static readonly Lock Gate = new();
    private static readonly LinkedList<(string Key, Lazy<IntentClassifier> Model)> Recent = new();

    public static IntentClassifier For(IReadOnlyList<IntentExample> examples)
    {
        var key = KeyOf(examples);
        Lazy<IntentClassifier> model;
        lock (Gate)
        {
            var node = Recent.First;
            while (node is not null && node.Value.Key != key)
                node = node.Next;
            if (node is null)
            {
                node = Recent.AddFirst((key, new Lazy<IntentClassifier>(() => IntentClassifierTrainer.Train(examples))));
                if (Recent.Count > Keep)
                    Recent.RemoveLast();
            }
            else if (node != Recent.First)
            {
                Recent.Remove(node);
                Recent.AddFirst(node);
            }
            model = node.Value.Model;
        }
        return model.Value;
    }

    private static string KeyOf(IReadOnlyList<IntentExample> examples)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var example in examples)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(example.Intent.ToWireName()));
            hash.AppendData("\t"u8);
            hash.AppendData(Encoding.UTF8.GetBytes(example.Text));
            hash.AppendData("\n"u8);
        }
        return Convert.ToHexString(hash.GetHashAndReset());
    }
}

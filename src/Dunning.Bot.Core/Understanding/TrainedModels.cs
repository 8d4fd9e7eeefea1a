using System.Security.Cryptography;
using System.Text;

namespace Dunning.Bot.Core.Understanding;

/// <summary>
/// Trains each distinct set of examples once per process: training is deterministic, so the same examples give the
/// same model, and a process that loads the same data again (tests, several hosts in one process) reuses it.
/// Keeps the few most recent models only. With an <see cref="IIntentModelCache"/> a model trained in an earlier run
/// (same examples, same build) is read instead of trained.
/// </summary>
internal static class TrainedModels
{
    private const int Keep = 4;

    private static readonly Lock Gate = new();
    private static readonly LinkedList<(string Key, Lazy<IntentClassifier> Model)> Recent = new();

    public static IntentClassifier For(IReadOnlyList<IntentExample> examples, IIntentModelCache? cache = null)
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
                node = Recent.AddFirst((key, new Lazy<IntentClassifier>(() => FromCache(cache, key) ?? TrainAndKeep(examples, cache, key))));
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

    private static IntentClassifier? FromCache(IIntentModelCache? cache, string key)
    {
        if (cache is null)
            return null;
        try
        {
            using var stream = cache.OpenRead(key);
            return stream is null ? null : IntentModelFile.Read(stream);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static IntentClassifier TrainAndKeep(IReadOnlyList<IntentExample> examples, IIntentModelCache? cache, string key)
    {
        var model = IntentClassifierTrainer.Train(examples);
        try
        {
            cache?.Save(key, stream => IntentModelFile.Write(model, stream));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A cache that cannot be written only costs the next start a training run.
        }
        return model;
    }

    /// <summary>The examples and this build of Core (its module version id changes with every compilation).</summary>
    private static string KeyOf(IReadOnlyList<IntentExample> examples)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(typeof(TrainedModels).Assembly.ManifestModule.ModuleVersionId.ToByteArray());
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

using System.Numerics;

namespace Dunning.Bot.Core.Understanding;

/// <summary>
/// Trains <see cref="IntentClassifier"/> from labelled examples: stochastic gradient descent on the softmax
/// cross-entropy with a decaying step and a small L2 penalty, in a fixed pseudo-random order (seeded), so the same
/// examples always give the same weights. Single-threaded; a few thousand examples train in a few hundred ms.
/// </summary>
internal static class IntentClassifierTrainer
{

    /// <summary>The settings measured best on a held-out split (see docs/wording-and-understanding.md).</summary>
    public static TrainerSettings Defaults { get; } = new(Epochs: 12, LearningRate: 2.0, Decay: 0.15, L2: 1e-5, Seed: 20261126);

    public static IntentClassifier Train(IReadOnlyList<IntentExample> examples, TrainerSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(examples);
        var s = settings ?? Defaults;
        var classes = IntentClassifier.Classes;
        // Buckets are renumbered densely in order of first use: the weights of a few thousand messages then fit in
        // the processor's cache, which makes training several times faster than over all 2^18 buckets.
        var slots = new int[IntentFeatures.Buckets];
        Array.Fill(slots, -1);
        var used = 0;
        var featureSets = new int[examples.Count][];
        var buffer = new int[IntentClassifier.MaxFeatures];
        for (var e = 0; e < examples.Count; e++)
        {
            var count = IntentFeatures.Extract(examples[e].Text, buffer);
            var set = new int[count];
            for (var k = 0; k < count; k++)
            {
                ref var slot = ref slots[buffer[k]];
                if (slot < 0)
                    slot = used++;
                set[k] = slot;
            }
            featureSets[e] = set;
        }

        var weights = new float[used * IntentClassifier.Stride];
        var bias = new float[classes];
        var order = Enumerable.Range(0, examples.Count).ToArray();
        var random = new SplitMix(s.Seed);
        var probabilities = new double[classes];
        var step = 0L;
        for (var epoch = 0; epoch < s.Epochs; epoch++)
        {
            Shuffle(order, random);
            foreach (var e in order)
            {
                var rate = (float)(s.LearningRate / (1 + (s.Decay * step++ / Math.Max(1, examples.Count))));
                Update(featureSets[e], (int)examples[e].Intent, weights, bias, probabilities, rate, (float)s.L2);
            }
        }
        return new IntentClassifier(slots, weights, bias, examples.Count);
    }

    private static void Update(int[] features, int label, float[] weights, float[] bias, double[] probabilities, float rate, float l2)
    {
        var classes = bias.Length;
        var stride = IntentClassifier.Stride;
        var value = features.Length == 0 ? 0f : 1f / MathF.Sqrt(features.Length);
        Span<float> sums = stackalloc float[stride];
        IntentClassifier.Sum(weights, features, sums);
        for (var c = 0; c < classes; c++)
            probabilities[c] = bias[c] + (value * sums[c]);
        IntentClassifier.Softmax(probabilities);
        Span<float> deltas = stackalloc float[stride];
        deltas.Clear();
        for (var c = 0; c < classes; c++)
        {
            var gradient = (float)probabilities[c] - (c == label ? 1f : 0f);
            bias[c] -= rate * gradient;
            deltas[c] = rate * gradient * value;
        }
        var shrink = new Vector<float>(1f - (rate * l2));
        var width = Vector<float>.Count;
        foreach (var f in features)
        {
            var row = weights.AsSpan(f * stride, stride);
            for (var c = 0; c < stride; c += width)
            {
                var lane = row.Slice(c, width);
                ((new Vector<float>(lane) * shrink) - new Vector<float>(deltas.Slice(c, width))).CopyTo(lane);
            }
        }
    }

    private static void Shuffle(int[] order, SplitMix random)
    {
        for (var i = order.Length - 1; i > 0; i--)
        {
            var j = (int)(random.Next() % (ulong)(i + 1));
            (order[i], order[j]) = (order[j], order[i]);
        }
    }

    /// <summary>A tiny seeded generator of our own, so the order never depends on the runtime's Random.</summary>
    private sealed class SplitMix(ulong seed)
    {
        private ulong state = seed;

        public ulong Next()
        {
            var z = state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }
}

/// <summary>How <see cref="IntentClassifierTrainer"/> trains: passes over the data, step size and its decay, L2 penalty, seed.</summary>
internal sealed record TrainerSettings(int Epochs, double LearningRate, double Decay, double L2, ulong Seed);

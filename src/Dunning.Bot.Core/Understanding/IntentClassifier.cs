using System.Buffers;
using System.Numerics;

namespace Dunning.Bot.Core.Understanding;

/// <summary>
/// The statistical intent model: multinomial logistic regression over the hashed word and character n-grams of
/// <see cref="IntentFeatures"/>. It gives a probability for every <see cref="Intent"/>; the probabilities are the
/// model's own softmax, checked against messages it was not trained on (see docs/wording-and-understanding.md).
/// Immutable and thread-safe; built by <see cref="IntentClassifierTrainer"/>.
/// </summary>
internal sealed class IntentClassifier
{
    /// <summary>At most this many features are read from one message (a few hundred words).</summary>
    public const int MaxFeatures = 4_096;

    public static readonly int Classes = Enum.GetValues<Intent>().Length;

    /// <summary>A row of weights is padded to whole SIMD vectors; the padding stays zero.</summary>
    public static readonly int Stride = (Classes + Vector<float>.Count - 1) / Vector<float>.Count * Vector<float>.Count;

    private readonly int[] slots;
    private readonly float[] weights;
    private readonly float[] bias;

    /// <param name="slots">For each feature bucket, its row in <paramref name="weights"/>, or -1 when the model never saw it.</param>
    /// <param name="weights">One row of <see cref="Stride"/> weights (the first <see cref="Classes"/> used) per seen bucket.</param>
    /// <param name="bias">One weight per class.</param>
    /// <param name="examples">How many examples the model was trained on.</param>
    public IntentClassifier(int[] slots, float[] weights, float[] bias, int examples)
    {
        this.slots = slots;
        this.weights = weights;
        this.bias = bias;
        Examples = examples;
    }

    public int Examples { get; }

    /// <summary>The model's arrays, for <see cref="IntentModelFile"/>.</summary>
    internal (int[] Slots, float[] Weights, float[] Bias) Parts => (slots, weights, bias);

    /// <summary>
    /// The most probable intent, its probability, and the probability of the runner-up; <see cref="IntentGuess.None"/>
    /// when the message has no feature the model ever saw ("zzz"): then the model knows nothing, and its class prior
    /// must not pass for an answer.
    /// </summary>
    public IntentGuess Predict(string text)
    {
        Span<double> probabilities = stackalloc double[Classes];
        if (Probabilities(text, probabilities) == 0)
            return IntentGuess.None;
        var best = 0;
        var second = -1;
        for (var c = 1; c < Classes; c++)
        {
            if (probabilities[c] > probabilities[best])
            {
                second = best;
                best = c;
            }
            else if (second < 0 || probabilities[c] > probabilities[second])
                second = c;
        }
        return new IntentGuess((Intent)best, probabilities[best], (Intent)second, probabilities[second]);
    }

    /// <summary>
    /// Writes the probability of each intent (indexed by its enum value) into <paramref name="into"/>; returns how many
    /// of the message's features the model knows.
    /// </summary>
    public int Probabilities(string text, Span<double> into)
    {
        var buffer = ArrayPool<int>.Shared.Rent(MaxFeatures);
        int known;
        try
        {
            var count = IntentFeatures.Extract(text, buffer.AsSpan(0, MaxFeatures));
            known = Scores(buffer.AsSpan(0, count), into);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(buffer);
        }
        Softmax(into);
        return known;
    }

    private int Scores(ReadOnlySpan<int> features, Span<double> into)
    {
        var value = features.Length == 0 ? 0f : 1f / MathF.Sqrt(features.Length);
        Span<int> rows = features.Length <= 512 ? stackalloc int[features.Length] : new int[features.Length];
        var known = 0;
        foreach (var feature in features)
        {
            if (slots[feature] is var slot and >= 0)
                rows[known++] = slot;
        }
        Span<float> sums = stackalloc float[Stride];
        Sum(weights, rows[..known], sums);
        for (var c = 0; c < Classes; c++)
            into[c] = bias[c] + (value * sums[c]);
        return known;
    }

    /// <summary>Adds up the weight rows of <paramref name="rows"/> into <paramref name="sums"/> (one lane per class).</summary>
    internal static void Sum(float[] weights, ReadOnlySpan<int> rows, Span<float> sums)
    {
        var stride = Stride;
        var width = Vector<float>.Count;
        sums.Clear();
        for (var c = 0; c < stride; c += width)
        {
            var total = Vector<float>.Zero;
            foreach (var row in rows)
                total += new Vector<float>(weights.AsSpan((row * stride) + c, width));
            total.CopyTo(sums.Slice(c, width));
        }
    }

    internal static void Softmax(Span<double> scores)
    {
        var max = double.NegativeInfinity;
        foreach (var s in scores)
            max = Math.Max(max, s);
        var total = 0.0;
        for (var c = 0; c < scores.Length; c++)
        {
            scores[c] = Math.Exp(scores[c] - max);
            total += scores[c];
        }
        for (var c = 0; c < scores.Length; c++)
            scores[c] /= total;
    }
}

/// <summary>What the statistical model makes of a message: its best intent and the runner-up, with probabilities.</summary>
internal readonly record struct IntentGuess(Intent Intent, double Probability, Intent Runner, double RunnerProbability)
{
    /// <summary>The model knows nothing of the message: the rules decide alone.</summary>
    public static IntentGuess None { get; } = new(Intent.Unknown, 0, Intent.Unknown, 0);
}

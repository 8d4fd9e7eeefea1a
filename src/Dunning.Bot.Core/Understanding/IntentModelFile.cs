namespace Dunning.Bot.Core.Understanding;

/// <summary>
/// Writes and reads a trained <see cref="IntentClassifier"/> as bytes, so a host can keep it between starts instead of
/// training again (see <see cref="IIntentModelCache"/>). The format holds only what the model needs: the seen feature
/// buckets, one weight per class each, and the class biases. A stream that is not such a model is refused (null).
/// </summary>
internal static class IntentModelFile
{
    private const int Magic = 0x4D494244; // "DBIM"
    private const int Version = 1;

    public static void Write(IntentClassifier model, Stream stream)
    {
        using var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        var (slots, weights, bias) = model.Parts;
        var stride = IntentClassifier.Stride;
        var classes = IntentClassifier.Classes;
        writer.Write(Magic);
        writer.Write(Version);
        writer.Write(IntentFeatures.Bits);
        writer.Write(classes);
        writer.Write(model.Examples);
        writer.Write(weights.Length / stride);
        for (var bucket = 0; bucket < slots.Length; bucket++)
        {
            if (slots[bucket] < 0)
                continue;
            writer.Write(bucket);
            for (var c = 0; c < classes; c++)
                writer.Write(weights[(slots[bucket] * stride) + c]);
        }
        foreach (var b in bias)
            writer.Write(b);
    }

    /// <summary>The model in <paramref name="stream"/>, or null when the stream holds no model of this build's shape.</summary>
    public static IntentClassifier? Read(Stream stream)
    {
        try
        {
            using var reader = new BinaryReader(stream, System.Text.Encoding.UTF8, leaveOpen: true);
            var classes = IntentClassifier.Classes;
            var stride = IntentClassifier.Stride;
            if (reader.ReadInt32() != Magic || reader.ReadInt32() != Version || reader.ReadInt32() != IntentFeatures.Bits || reader.ReadInt32() != classes)
                return null;
            var examples = reader.ReadInt32();
            var rows = reader.ReadInt32();
            if (examples < 0 || rows is < 0 or > IntentFeatures.Buckets)
                return null;
            var slots = new int[IntentFeatures.Buckets];
            Array.Fill(slots, -1);
            var weights = new float[rows * stride];
            for (var row = 0; row < rows; row++)
            {
                var bucket = reader.ReadInt32();
                if (bucket is < 0 or >= IntentFeatures.Buckets || slots[bucket] >= 0)
                    return null;
                slots[bucket] = row;
                for (var c = 0; c < classes; c++)
                    weights[(row * stride) + c] = reader.ReadSingle();
            }
            var bias = new float[classes];
            for (var c = 0; c < classes; c++)
                bias[c] = reader.ReadSingle();
            return weights.Concat(bias).All(float.IsFinite) ? new IntentClassifier(slots, weights, bias, examples) : null;
        }
        catch (EndOfStreamException)
        {
            return null;
        }
    }
}

using System.Buffers;
using System.Text.Json;

namespace Dunning.Bot.Conversations.State;

/// <summary>
/// One state document during a turn: the properties as read (raw JSON), the ones materialized as objects,
/// and the eTag/bytes it was read with, so unchanged state is not written back.
/// </summary>
internal sealed class CachedBotState
{
    private readonly List<string> _order = [];
    private readonly Dictionary<string, JsonElement> _raw = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (object? Value, Type Type)> _live = new(StringComparer.Ordinal);

    public CachedBotState(ReadOnlyMemory<byte> original, string? eTag)
    {
        Original = original;
        ETag = eTag;
        if (original.IsEmpty)
            return;
        var document = JsonDocument.Parse(original);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
            throw new JsonException("A bot state document must be a JSON object.");
        foreach (var property in document.RootElement.EnumerateObject())
        {
            if (_raw.TryAdd(property.Name, property.Value))
                _order.Add(property.Name);
        }
    }

    public ReadOnlyMemory<byte> Original { get; private set; }

    public string? ETag { get; private set; }

    public bool TryGet<T>(string name, out T? value)
    {
        if (_live.TryGetValue(name, out var live))
        {
            value = live.Value is T typed ? typed : default;
            return live.Value is T;
        }
        if (_raw.TryGetValue(name, out var raw))
        {
            value = raw.Deserialize<T>(ActivityJson.Options);
            _live[name] = (value, typeof(T));
            return true;
        }
        value = default;
        return false;
    }

    public void Set<T>(string name, T value)
    {
        if (!_live.ContainsKey(name) && !_raw.ContainsKey(name))
            _order.Add(name);
        _live[name] = (value, typeof(T));
    }

    public void Remove(string name)
    {
        if (_live.Remove(name) | _raw.Remove(name))
            _order.Remove(name);
    }

    public void Clear()
    {
        _live.Clear();
        _raw.Clear();
        _order.Clear();
    }

    /// <summary>The document as it would be stored now; null when it equals what was read.</summary>
    public ReadOnlyMemory<byte>? SerializeIfChanged()
    {
        var buffer = new ArrayBufferWriter<byte>(Math.Max(256, Original.Length + 64));
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var name in _order)
            {
                writer.WritePropertyName(name);
                if (_live.TryGetValue(name, out var live))
                    JsonSerializer.Serialize(writer, live.Value, live.Type, ActivityJson.Options);
                else
                    _raw[name].WriteTo(writer);
            }
            writer.WriteEndObject();
        }

        // The buffer is not reused, so its memory can be stored and kept as the new original without a copy.
        var written = buffer.WrittenMemory;
        if (written.Span.SequenceEqual(Original.Span) || (Original.IsEmpty && _order.Count == 0))
            return null;
        return written;
    }

    public void Saved(ReadOnlyMemory<byte> json, string eTag)
    {
        Original = json;
        ETag = eTag;
    }
}

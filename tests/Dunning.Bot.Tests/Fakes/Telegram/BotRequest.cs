using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Dunning.Bot.Tests.Fakes.Telegram;

/// <summary>
/// The parameters of one Bot API call, whichever of the four documented ways they came in:
/// query string, application/x-www-form-urlencoded, application/json or multipart/form-data.
/// Form and query values are strings; objects in them are JSON-serialized, as the API specifies.
/// </summary>
internal sealed class BotRequest
{
    private readonly Dictionary<string, JsonElement> _values = new(StringComparer.Ordinal);
    private readonly Dictionary<string, UploadedPart> _files = new(StringComparer.Ordinal);

    public sealed record UploadedPart(string Name, string? FileName, string? ContentType, byte[] Content);

    public static async Task<BotRequest> ReadAsync(HttpRequest http, CancellationToken cancellationToken)
    {
        var request = new BotRequest();
        foreach (var (key, value) in http.Query) request.SetString(key, value.ToString());
        if (http.HasJsonContentType())
        {
            using var doc = await JsonDocument.ParseAsync(http.Body, cancellationToken: cancellationToken);
            if (doc.RootElement.ValueKind != JsonValueKind.Object) throw BotApiError.BadRequest("invalid JSON object in request body");
            foreach (var property in doc.RootElement.EnumerateObject()) request._values[property.Name] = property.Value.Clone();
        }
        else if (http.HasFormContentType)
        {
            var form = await http.ReadFormAsync(cancellationToken);
            foreach (var (key, value) in form) request.SetString(key, value.ToString());
            foreach (var file in form.Files)
            {
                using var buffer = new MemoryStream();
                await file.CopyToAsync(buffer, cancellationToken);
                request._files[file.Name] = new UploadedPart(file.Name, file.FileName, file.ContentType, buffer.ToArray());
            }
        }
        return request;
    }

    public static BotRequest FromJson(JsonObject json)
    {
        var request = new BotRequest();
        foreach (var (key, value) in json) request._values[key] = JsonSerializer.SerializeToElement(value);
        return request;
    }

    private void SetString(string key, string value) => _values[key] = JsonSerializer.SerializeToElement(value);

    public bool Has(string name) => _values.ContainsKey(name) || _files.ContainsKey(name);

    public string? GetString(string name) => _values.TryGetValue(name, out var v)
        ? v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.Null => null,
            _ => v.GetRawText(),
        }
        : null;

    public long? GetInt64(string name)
    {
        if (!_values.TryGetValue(name, out var v) || v.ValueKind == JsonValueKind.Null) return null;
        if (v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var n)) return n;
        if (v.ValueKind == JsonValueKind.String && long.TryParse(v.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out n)) return n;
        throw BotApiError.BadRequest($"invalid {name} specified");
    }

    public int? GetInt32(string name)
    {
        var value = GetInt64(name);
        return value is null ? null : value is >= int.MinValue and <= int.MaxValue ? (int)value : throw BotApiError.BadRequest($"invalid {name} specified");
    }

    public bool GetBool(string name)
    {
        if (!_values.TryGetValue(name, out var v)) return false;
        return v.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.String => v.GetString() is "true" or "True" or "1",
            JsonValueKind.Number => v.GetRawText() != "0",
            _ => false,
        };
    }

    /// <summary>An object or array parameter; a string value is parsed as JSON, as form/query encoding requires.</summary>
    public JsonNode? GetJson(string name)
    {
        if (!_values.TryGetValue(name, out var v) || v.ValueKind == JsonValueKind.Null) return null;
        if (v.ValueKind != JsonValueKind.String) return JsonNode.Parse(v.GetRawText());
        try
        {
            return JsonNode.Parse(v.GetString()!);
        }
        catch (JsonException)
        {
            throw BotApiError.BadRequest($"can't parse {name} JSON object");
        }
    }

    /// <summary>An InputFile: an uploaded part (by "attach://name" or under the parameter's own name),
    /// or a file_id/URL string (returned as <paramref name="reference"/>).</summary>
    public UploadedPart? GetFile(string name, out string? reference)
    {
        reference = null;
        var value = GetString(name);
        if (value is not null && value.StartsWith("attach://", StringComparison.Ordinal))
        {
            return _files.TryGetValue(value["attach://".Length..], out var attached)
                ? attached
                : throw BotApiError.BadRequest($"wrong remote file identifier specified: can't find file \"{value}\"");
        }
        if (_files.TryGetValue(name, out var direct)) return direct;
        reference = string.IsNullOrEmpty(value) ? null : value;
        return null;
    }
}

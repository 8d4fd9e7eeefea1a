using System.Text;

namespace Dunning.Bot.Tests.Fuzzing;

/// <summary>
/// A seeded generator of request bodies that are invalid by construction: a surface's own document shape (a template
/// with a value slot <c>@@V</c> and a string slot <c>@@S</c>) truncated, with raw control characters or invalid UTF-8
/// inside a string, a value of the wrong type, strings past the body limit, nesting deeper than any parser allows,
/// random bytes, nothing at all — each sent with a random, often wrong, content type. The same seed gives the same inputs.
/// </summary>
internal sealed class HostileInputs(int seed, int hugeBytes, string validValue, params string[] templates)
{
    private static readonly string[] ContentTypes =
    [
        "application/json", "application/json; charset=utf-8", "text/plain", "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=x", "application/xml", "application/json; charset=utf-16", "",
    ];

    /// <summary>Values of the wrong type for a string slot; a surface whose slot takes a number passes its own (<see cref="WrongValues"/>).</summary>
    public static readonly string[] NotStrings = ["5", "-1.5e309", "true", "false", "null", "[]", "{}", "[1,\"a\"]", "{\"a\":{}}", "\"\\ud800\"", "0x1F"];

    private static readonly byte[][] BadUtf8 = [[0xC3, 0x28], [0xFF], [0xED, 0xA0, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80], [0xE2, 0x82], [0x80]];

    private readonly Random random = new(seed);

    /// <summary>What "wrongtype" puts in the value slot.</summary>
    public IReadOnlyList<string> WrongValues { get; init; } = NotStrings;

    /// <summary>The kinds of damage; "huge" (past the body limit) is drawn 3 times in 100, the rest evenly.</summary>
    public static readonly string[] Kinds = ["truncated", "control", "utf8", "wrongtype", "deep", "garbage", "empty"];

    public HostileInput Next()
    {
        var kind = random.Next(100) < 3 ? "huge" : Kinds[random.Next(Kinds.Length)];
        var template = templates[random.Next(templates.Length)];
        var contentType = ContentTypes[random.Next(ContentTypes.Length)];
        var body = kind switch
        {
            "truncated" => Truncated(Fill(template, validValue, Text())),
            "control" => Fill(template, validValue, Text() + (char)random.Next(0, 32) + Text()),
            "utf8" => FillBytes(template, validValue, [.. Encoding.UTF8.GetBytes(Text()), .. BadUtf8[random.Next(BadUtf8.Length)], .. Encoding.UTF8.GetBytes(Text())]),
            "wrongtype" => Fill(template, WrongValues[random.Next(WrongValues.Count)], Text()),
            "huge" => Fill(template, validValue, new string((char)random.Next('a', 'z' + 1), hugeBytes + random.Next(1, 4096))),
            "deep" => Fill(template, Deep(random.Next(65, 5000)), Text()),
            "garbage" => Garbage(),
            _ => [],
        };
        return new HostileInput(kind, body, contentType);
    }

    private string Text() => new([.. Enumerable.Range(0, random.Next(0, 20)).Select(_ => (char)random.Next('A', 'z' + 1)).Where(c => c is not ('\\' or '"'))]);

    private static byte[] Fill(string template, string value, string text) =>
        Encoding.UTF8.GetBytes(template.Replace("@@V", value, StringComparison.Ordinal).Replace("@@S", text, StringComparison.Ordinal));

    private static byte[] FillBytes(string template, string value, byte[] text)
    {
        var withValue = template.Replace("@@V", value, StringComparison.Ordinal);
        var at = withValue.IndexOf("@@S", StringComparison.Ordinal);
        return [.. Encoding.UTF8.GetBytes(withValue[..at]), .. text, .. Encoding.UTF8.GetBytes(withValue[(at + 3)..])];
    }

    /// <summary>A strict prefix of a JSON object is never a complete document.</summary>
    private byte[] Truncated(byte[] whole) => whole[..random.Next(1, whole.Length - 1)];

    private static string Deep(int depth) => new string('[', depth) + new string(']', depth);

    private byte[] Garbage()
    {
        var bytes = new byte[random.Next(1, 2048)];
        random.NextBytes(bytes);
        return bytes;
    }
}

/// <summary>One generated input: what kind of damage it carries, the body and the content type to send it with ("" for none).</summary>
internal sealed record HostileInput(string Kind, byte[] Body, string ContentType)
{
    public HttpContent Content()
    {
        var content = new ByteArrayContent(Body);
        if (ContentType.Length > 0)
            content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
        return content;
    }

    public override string ToString() => $"{Kind} ({ContentType}): {Encoding.UTF8.GetString(Body[..Math.Min(Body.Length, 300)])}";
}

using System.Security.Cryptography;
using System.Text;
using Dunning.Bot.Storage;
using Dunning.Bot.Storage.LiteDb;
using LiteDB;
using Microsoft.Extensions.Options;

namespace Dunning.Bot.Channels.WebChat;

/// <summary>
/// The key Direct Line tokens are signed with: <see cref="WebChatOptions.TokenSigningKey"/> when configured
/// (base64, or else its UTF-8 bytes; at least 32 bytes), otherwise 32 random bytes generated once and kept in
/// the database so that a restart does not log every chat out.
/// </summary>
public sealed class WebChatSigningKey
{
    internal const string Collection = "webchat_keys";
    private const string KeyId = "token-signing";
    private const int MinimumBytes = 32;

    public WebChatSigningKey(IOptions<WebChatOptions> options, LiteDbContext context)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(context);
        Bytes = string.IsNullOrWhiteSpace(options.Value.TokenSigningKey)
            ? Stored(context.Database.GetCollection(Collection))
            : Configured(options.Value.TokenSigningKey);
    }

    internal byte[] Bytes { get; }

    private static byte[] Configured(string key)
    {
        var bytes = IsBase64(key, out var decoded) ? decoded : Encoding.UTF8.GetBytes(key);
        return bytes.Length >= MinimumBytes ? bytes : throw new OptionsValidationException(
            WebChatOptions.SectionName, typeof(WebChatOptions),
            [$"{WebChatOptions.SectionName}:{nameof(WebChatOptions.TokenSigningKey)} must be at least {MinimumBytes} bytes (base64 or text)."]);
    }

    private static bool IsBase64(string text, out byte[] bytes)
    {
        var buffer = new byte[text.Length];
        var ok = Convert.TryFromBase64String(text, buffer, out var written);
        bytes = ok ? buffer[..written] : [];
        return ok;
    }

    private static byte[] Stored(ILiteCollection<BsonDocument> keys)
    {
        if (keys.FindById(KeyId) is { } existing)
            return existing["Key"].AsBinary;
        var key = RandomNumberGenerator.GetBytes(MinimumBytes);
        // Two hosts on one shared file may race here; the insert that loses reads the winner's key.
        try
        {
            keys.Insert(new BsonDocument { ["_id"] = KeyId, ["Key"] = key });
            return key;
        }
        catch (LiteException ex) when (ex.ErrorCode == LiteException.INDEX_DUPLICATE_KEY)
        {
            return keys.FindById(KeyId)["Key"].AsBinary;
        }
    }
}

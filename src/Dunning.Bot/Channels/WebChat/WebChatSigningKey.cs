using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Dunning.Bot.Channels.WebChat;

/// <summary>
/// The key Direct Line tokens are signed with: <see cref="WebChatOptions.TokenSigningKey"/> when configured
/// (base64, or else its UTF-8 bytes; at least 32 bytes), otherwise 32 random bytes generated once and kept in
/// the database so that a restart does not log every chat out.
/// </summary>
public sealed class WebChatSigningKey
{
    private const string KeyId = "token-signing";
    private const int MinimumBytes = 32;

    public WebChatSigningKey(IOptions<WebChatOptions> options, ISigningKeyStore keys)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(keys);
        // Two hosts on one database may race to generate it; the one that loses gets the winner's key.
        Bytes = string.IsNullOrWhiteSpace(options.Value.TokenSigningKey)
            ? keys.GetOrAdd(KeyId, RandomNumberGenerator.GetBytes(MinimumBytes))
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
}

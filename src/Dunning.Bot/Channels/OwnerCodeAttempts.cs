using Dunning.Bot.Core.Chat;
using Dunning.Bot.Core.Dialogs;
using Dunning.Bot.Core.Ports;
using Microsoft.Extensions.Options;

namespace Dunning.Bot.Channels;

/// <summary>
/// Guards the owner link code of Telegram and Teams with the <see cref="IAttemptGuard"/>: per sender account and for
/// everyone, with the access codes' free attempts and doubling back-off (<c>Conversations:MaxCodeAttempts</c>,
/// <c>CodeCooldownMinutes</c>). A message counts as a guess when it is one word of the code's minimum length or
/// more; during a back-off even the right code binds nothing.
/// </summary>
public sealed class OwnerCodeAttempts(IAttemptGuard guard, IOptions<ConversationOptions> options)
{
    /// <summary>The shortest owner link code the channels accept; shorter single words are no guess at it.</summary>
    public const int MinCodeLength = 12;

    /// <summary>True when <paramref name="typed"/> could be a try at the owner link code.</summary>
    public static bool LooksLikeAGuess(string typed) =>
        typed.Length >= MinCodeLength && !typed.Any(char.IsWhiteSpace);

    /// <summary>
    /// True only when <paramref name="matches"/> says the code is right and <paramref name="client"/> is not in a back-off;
    /// a wrong <paramref name="typed"/> counts against the client when <paramref name="isGuess"/>.
    /// </summary>
    public async Task<bool> AcceptAsync(string client, string typed, bool isGuess, Func<string, bool> matches, CancellationToken cancellationToken)
    {
        if (!isGuess)
            return false;
        var keys = new AttemptKeys(new AttemptKind("owner link code", options.Value.MaxCodeAttempts, options.Value.CodeCooldown), client);
        if ((await guard.CheckAsync(keys, cancellationToken)).IsRefused)
            return false;
        if (matches(typed))
        {
            guard.Succeed(keys);
            return true;
        }
        await guard.FailAsync(keys, cancellationToken);
        return false;
    }
}

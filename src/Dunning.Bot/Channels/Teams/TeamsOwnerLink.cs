using System.Security.Cryptography;
using System.Text;
using Dunning.Bot.Conversations;
using Microsoft.Extensions.Options;

namespace Dunning.Bot.Channels.Teams;

/// <summary>
/// Binds the owner's own Teams chat for escalation alerts: the secret <see cref="TeamsOptions.OwnerLinkCode"/>,
/// typed as the whole message in a 1:1 chat with the bot, makes that chat the alert destination (the latest wins).
/// The message never reaches the bot, its middleware or the transcript.
/// </summary>
public sealed partial class TeamsOwnerLink
{
    private readonly byte[]? code;
    private readonly ITeamsStore store;
    private readonly OwnerCodeAttempts attempts;
    private readonly TeamsWording wording;
    private readonly TimeProvider time;
    private readonly ILogger<TeamsOwnerLink> logger;

    public TeamsOwnerLink(IOptions<TeamsOptions> options, ITeamsStore store, OwnerCodeAttempts attempts, TeamsWording wording, TimeProvider time, ILogger<TeamsOwnerLink> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        var configured = options.Value.OwnerLinkCode?.Trim();
        code = string.IsNullOrEmpty(configured) ? null : Encoding.UTF8.GetBytes(configured);
        this.store = store ?? throw new ArgumentNullException(nameof(store));
        this.attempts = attempts ?? throw new ArgumentNullException(nameof(attempts));
        this.wording = wording ?? throw new ArgumentNullException(nameof(wording));
        this.time = time ?? throw new ArgumentNullException(nameof(time));
        this.logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <summary>
    /// True when the activity is a 1:1 message whose whole text is the owner link code (compared in constant time) and
    /// its sender is not in a back-off; a wrong one-word try counts against the sender (it still goes to the bot).
    /// </summary>
    public async Task<bool> IsOwnerCodeAsync(Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (code is null || activity.Type != ActivityTypes.Message || !TeamsCards.IsPersonal(activity.Conversation) || activity.Text is not { } text)
            return false;
        var typed = text.Trim();
        return await attempts.AcceptAsync($"msteams:{activity.From?.Id}", typed, OwnerCodeAttempts.LooksLikeAGuess(typed),
            t => CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(t), code), cancellationToken);
    }

    /// <summary>Stores the chat as the owner's alert destination and returns the confirmation to send there.</summary>
    public Activity Bind(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var language = wording.Language(activity.Locale);
        var reference = activity.GetConversationReference();
        reference.ActivityId = null;
        store.SaveOwner(new OwnerBinding(reference, language, time.GetUtcNow()));
        LogBound(activity.Conversation?.Id);
        return activity.CreateReply(wording.Render(language, "owner_bound"));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The owner's escalation alerts now go to the Teams conversation {ConversationId}")]
    private partial void LogBound(string? conversationId);
}

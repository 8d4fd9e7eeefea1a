using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Dunning.Bot.Channels.Telegram;

/// <summary>Checks <see cref="TelegramOptions"/> at start-up; messages name the setting, never its secret value.</summary>
public sealed partial class TelegramOptionsValidation : IValidateOptions<TelegramOptions>
{
    public ValidateOptionsResult Validate(string? name, TelegramOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = Problems(options);
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    internal static IReadOnlyList<string> Problems(TelegramOptions options)
    {
        const string S = TelegramOptions.SectionName;
        var problems = new List<string>();
        if (!string.IsNullOrWhiteSpace(options.OwnerLinkCode) && options.OwnerLinkCode.Trim().Length < 12)
            problems.Add($"{S}:OwnerLinkCode must have at least 12 characters (it is a secret).");
        if (!options.Enabled)
            return problems;
        if (!TokenShape().IsMatch(options.Token!))
            problems.Add($"{S}:Token does not look like a bot token from BotFather (digits, a colon, then letters, digits, '_' or '-').");
        if (!Uri.TryCreate(options.ApiBaseUrl, UriKind.Absolute, out var api) || api.Scheme is not ("http" or "https"))
            problems.Add($"{S}:ApiBaseUrl must be an absolute http(s) URL (default {TelegramOptions.DefaultApiBaseUrl}).");
        if (!Enum.IsDefined(options.Mode))
            problems.Add($"{S}:Mode must be polling or webhook.");
        if (options.Mode == TelegramMode.Webhook)
        {
            if (!Uri.TryCreate(options.WebhookUrl, UriKind.Absolute, out var hook) || hook.Scheme != Uri.UriSchemeHttps && !hook.IsLoopback)
                problems.Add($"{S}:WebhookUrl must be the public https URL of /telegram/webhook in webhook mode.");
            if (string.IsNullOrEmpty(options.SecretToken) || !SecretShape().IsMatch(options.SecretToken))
                problems.Add($"{S}:SecretToken is required in webhook mode: 1-256 characters A-Z, a-z, 0-9, '_' or '-'.");
        }
        if (options.GlobalPerSecond is < 1 or > 1000)
            problems.Add($"{S}:GlobalPerSecond must be between 1 and 1000.");
        if (options.PerChatPerSecond is < 1 or > 100)
            problems.Add($"{S}:PerChatPerSecond must be between 1 and 100.");
        if (options.PerGroupPerMinute is < 1 or > 1000)
            problems.Add($"{S}:PerGroupPerMinute must be between 1 and 1000.");
        if (options.PollingTimeout < TimeSpan.Zero || options.PollingTimeout > TimeSpan.FromSeconds(50))
            problems.Add($"{S}:PollingTimeout must be between 0 and 50 seconds.");
        if (options.ButtonLifetime <= TimeSpan.Zero)
            problems.Add($"{S}:ButtonLifetime must be positive.");
        if (options.ProcessedUpdatesWindow < 100)
            problems.Add($"{S}:ProcessedUpdatesWindow must be at least 100.");
        if (options.ReplyRetryThreshold < TimeSpan.Zero || options.ReplyRetryThreshold > TimeSpan.FromMinutes(1))
            problems.Add($"{S}:ReplyRetryThreshold must be between 0 and 60 seconds.");
        foreach (var kind in options.EffectiveAllowedUpdates.Where(k => !UpdateKind().IsMatch(k)))
            problems.Add($"{S}:AllowedUpdates has '{kind}', which is not an update kind (e.g. message, callback_query).");
        return problems;
    }

    [GeneratedRegex("^[0-9]{1,20}:[A-Za-z0-9_-]{20,}$")]
    private static partial Regex TokenShape();

    [GeneratedRegex("^[A-Za-z0-9_-]{1,256}$")]
    private static partial Regex SecretShape();

    [GeneratedRegex("^[a-z_]{1,64}$")]
    private static partial Regex UpdateKind();
}

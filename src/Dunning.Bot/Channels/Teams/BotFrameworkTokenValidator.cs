using System.Security.Claims;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Dunning.Bot.Channels.Teams;

/// <summary>
/// Authenticates <c>POST /api/messages</c> the way the Bot Connector authentication spec requires: a Bearer JWT
/// signed with a key from the OpenID metadata, issued by the Bot Connector (or, for single-tenant bots, by the
/// bot's own tenant), for our app id, within its lifetime (with clock skew), naming the activity's serviceUrl —
/// else 401 — and signed with a key that endorses the activity's channel — else 403.
/// </summary>
public sealed partial class BotFrameworkTokenValidator
{
    /// <summary>The issuer of tokens the Bot Connector sends to bots.</summary>
    public const string BotFrameworkIssuer = "https://api.botframework.com";

    /// <summary>Longer Authorization headers are refused before any parsing.</summary>
    public const int MaxAuthorizationHeaderLength = 16 * 1024;

    private static readonly string[] ServiceUrlClaims = ["serviceurl", "serviceUrl"];
    private readonly TeamsOptions options;
    private readonly TimeProvider time;
    private readonly ILogger<BotFrameworkTokenValidator> logger;
    private readonly JsonWebTokenHandler handler = new() { MaximumTokenSizeInBytes = MaxAuthorizationHeaderLength };
    private readonly OpenIdSigningKeys? botFrameworkKeys;
    private readonly OpenIdSigningKeys? tenantKeys;
    private readonly string[] tenantIssuers = [];

    public BotFrameworkTokenValidator(
        IOptions<TeamsOptions> options, TimeProvider time, ILogger<BotFrameworkTokenValidator> logger, HttpClient metadataClient)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(metadataClient);
        this.options = options.Value;
        this.time = time ?? throw new ArgumentNullException(nameof(time));
        this.logger = logger ?? throw new ArgumentNullException(nameof(logger));
        if (this.options.AuthenticationDisabled)
            return;

        botFrameworkKeys = NewKeys(this.options.OpenIdMetadataUrl, metadataClient);
        if (this.options.AppType == TeamsAppType.SingleTenant && !string.IsNullOrWhiteSpace(this.options.TenantId))
        {
            var tenant = this.options.TenantId.Trim();
            tenantIssuers = [$"https://sts.windows.net/{tenant}/", $"https://login.microsoftonline.com/{tenant}/v2.0"];
            tenantKeys = NewKeys(this.options.ResolvedTenantOpenIdMetadataUrl, metadataClient);
        }
    }

    /// <summary>True when no app id is configured and every request is let through anonymously.</summary>
    public bool AuthenticationDisabled => options.AuthenticationDisabled;

    /// <summary>Authenticates a request whose body is the activity JSON (reads its <c>serviceUrl</c> and <c>channelId</c>).</summary>
    public Task<BotAuthenticationResult> AuthenticateAsync(string? authorizationHeader, JsonElement activity, CancellationToken cancellationToken)
    {
        var isObject = activity.ValueKind == JsonValueKind.Object;
        return AuthenticateAsync(
            authorizationHeader,
            isObject ? ReadString(activity, "serviceUrl") : null,
            isObject ? ReadString(activity, "channelId") : null,
            cancellationToken);
    }

    /// <summary>Authenticates a request for an activity with this serviceUrl and channelId.</summary>
    public async Task<BotAuthenticationResult> AuthenticateAsync(
        string? authorizationHeader, string? serviceUrl, string? channelId, CancellationToken cancellationToken)
    {
        if (options.AuthenticationDisabled)
            return BotAuthenticationResult.Anonymous();

        var result = await ValidateAsync(authorizationHeader, serviceUrl, channelId, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
            LogRejected(result.StatusCode, result.Error!);
        return result;
    }

    private async Task<BotAuthenticationResult> ValidateAsync(
        string? authorizationHeader, string? serviceUrl, string? channelId, CancellationToken cancellationToken)
    {
        if (ReadBearerToken(authorizationHeader) is not { } raw)
            return BotAuthenticationResult.Unauthorized("missing or malformed Bearer authorization header");
        JsonWebToken token;
        try
        {
            token = handler.ReadJsonWebToken(raw);
        }
        catch (Exception ex) when (ex is ArgumentException or SecurityTokenException)
        {
            return BotAuthenticationResult.Unauthorized("the token is not a well-formed JWT");
        }

        var (keys, issuers) = token.Issuer switch
        {
            BotFrameworkIssuer => (botFrameworkKeys, [BotFrameworkIssuer]),
            var issuer when tenantKeys is not null && tenantIssuers.Contains(issuer, StringComparer.Ordinal) => (tenantKeys, tenantIssuers),
            _ => ((OpenIdSigningKeys?)null, Array.Empty<string>()),
        };
        if (keys is null)
            return BotAuthenticationResult.Unauthorized("the token's issuer is not trusted");
        if (string.IsNullOrEmpty(token.Kid))
            return BotAuthenticationResult.Unauthorized("the token names no signing key (kid)");

        SigningKey? key;
        IReadOnlyCollection<string> algorithms;
        try
        {
            (key, algorithms) = await keys.FindAsync(token.Kid, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogKeysUnavailable(ex, keys.MetadataUrl);
            return BotAuthenticationResult.Unauthorized("the signing keys could not be fetched");
        }
        if (key is null)
            return BotAuthenticationResult.Unauthorized("the token's signing key is not published");

        var validation = await handler.ValidateTokenAsync(token, Parameters(issuers, key, algorithms)).ConfigureAwait(false);
        if (!validation.IsValid)
            return BotAuthenticationResult.Unauthorized($"the token is invalid: {validation.Exception?.GetType().Name ?? "unknown reason"}");

        var claimedServiceUrl = ServiceUrlClaims.Select(c => token.TryGetPayloadValue<string>(c, out var v) ? v : null).FirstOrDefault(v => v is not null);
        if (string.IsNullOrEmpty(serviceUrl) || !string.Equals(claimedServiceUrl, serviceUrl, StringComparison.OrdinalIgnoreCase))
            return BotAuthenticationResult.Unauthorized("the token's serviceurl claim does not match the activity's serviceUrl");

        // Only Bot Connector keys carry endorsements; a token from the bot's own tenant is not tied to a channel.
        if (ReferenceEquals(keys, botFrameworkKeys) && (string.IsNullOrEmpty(channelId) || !key.Endorsements.Contains(channelId)))
            return BotAuthenticationResult.Forbidden("the signing key does not endorse the activity's channel");

        return BotAuthenticationResult.Authenticated(validation.ClaimsIdentity);
    }

    private TokenValidationParameters Parameters(string[] issuers, SigningKey key, IReadOnlyCollection<string> algorithms) => new()
    {
        ValidIssuers = issuers,
        ValidAudience = options.AppId,
        IssuerSigningKey = key.Key,
        TryAllIssuerSigningKeys = false,
        ValidAlgorithms = algorithms,
        RequireSignedTokens = true,
        RequireExpirationTime = true,
        RequireAudience = true,
        ValidateIssuer = true,
        ValidateAudience = true,
        ValidateLifetime = true,
        ClockSkew = options.AllowedClockSkew,
        LifetimeValidator = IsWithinLifetime,
        AuthenticationType = "Bearer",
    };

    /// <summary>Lifetime on the injected clock (IdentityModel's own check reads the system clock).</summary>
    private bool IsWithinLifetime(DateTime? notBefore, DateTime? expires, SecurityToken token, TokenValidationParameters parameters)
    {
        if (expires is null)
            return false;
        var now = time.GetUtcNow().UtcDateTime;
        var skew = options.AllowedClockSkew;
        // Shift "now", not the token's times: those may sit at DateTime.Min/MaxValue.
        return (notBefore is null || (notBefore <= expires && notBefore <= now + skew)) && now - skew <= expires;
    }

    private OpenIdSigningKeys NewKeys(string metadataUrl, HttpClient client) =>
        new(metadataUrl, client, time, options.SigningKeysRefreshInterval, options.SigningKeysMinimumRefreshInterval);

    private static string? ReadBearerToken(string? header)
    {
        if (string.IsNullOrWhiteSpace(header) || header.Length > MaxAuthorizationHeaderLength)
            return null;
        var space = header.IndexOf(' ', StringComparison.Ordinal);
        if (space <= 0 || !header.AsSpan(0, space).Equals("Bearer", StringComparison.OrdinalIgnoreCase))
            return null;
        var token = header[(space + 1)..].Trim();
        return token.Length == 0 || token.Contains(' ', StringComparison.Ordinal) ? null : token;
    }

    private static string? ReadString(JsonElement activity, string name) =>
        activity.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bot Framework request rejected with {StatusCode}: {Reason}")]
    private partial void LogRejected(int statusCode, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Bot Framework signing keys could not be fetched from {MetadataUrl}")]
    private partial void LogKeysUnavailable(Exception exception, string metadataUrl);
}

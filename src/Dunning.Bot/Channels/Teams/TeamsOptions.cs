namespace Dunning.Bot.Channels.Teams;

/// <summary>
/// The Teams (Bot Framework) channel, bound from the <c>Teams</c> section. With no <see cref="AppId"/>
/// authentication is off, which the host allows only in the Development environment.
/// </summary>
public sealed class TeamsOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Teams";

    /// <summary>The Bot Connector's OpenID metadata document (public cloud).</summary>
    public const string DefaultOpenIdMetadataUrl = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    /// <summary>The Entra ID metadata of the bot's own tenant; <c>{tenantId}</c> is replaced.</summary>
    public const string DefaultTenantOpenIdMetadataUrl = "https://login.microsoftonline.com/{tenantId}/v2.0/.well-known/openid-configuration";

    /// <summary>Where outbound tokens are requested; the tenant (or botframework.com) is appended.</summary>
    public const string DefaultAuthorityHost = "https://login.microsoftonline.com";

    /// <summary>The tenant that issues outbound tokens for legacy multi-tenant bots.</summary>
    public const string MultiTenantAuthorityTenant = "botframework.com";

    /// <summary>The scope of the token the bot presents to the Bot Connector.</summary>
    public const string DefaultOAuthScope = "https://api.botframework.com/.default";

    /// <summary>The Microsoft App ID of the bot registration; empty turns authentication off.</summary>
    public string? AppId { get; set; }

    /// <summary>The client secret of the app registration (or use a certificate).</summary>
    public string? AppPassword { get; set; }

    /// <summary>A PFX file with the app registration's certificate (instead of a secret).</summary>
    public string? CertificatePath { get; set; }

    /// <summary>The password of <see cref="CertificatePath"/>, if any.</summary>
    public string? CertificatePassword { get; set; }

    /// <summary>Thumbprint of a certificate in the CurrentUser or LocalMachine "My" store (instead of a secret).</summary>
    public string? CertificateThumbprint { get; set; }

    /// <summary>The Entra tenant of the app registration; required for <see cref="TeamsAppType.SingleTenant"/>.</summary>
    public string? TenantId { get; set; }

    public TeamsAppType AppType { get; set; } = TeamsAppType.SingleTenant;

    /// <summary>The OpenID metadata document whose keys sign the Bot Connector's tokens.</summary>
    public string OpenIdMetadataUrl { get; set; } = DefaultOpenIdMetadataUrl;

    /// <summary>Metadata of the bot's own tenant (single-tenant only); <c>{tenantId}</c> is replaced by <see cref="TenantId"/>.</summary>
    public string TenantOpenIdMetadataUrl { get; set; } = DefaultTenantOpenIdMetadataUrl;

    /// <summary>The login host for outbound tokens, e.g. https://login.microsoftonline.com.</summary>
    public string AuthorityHost { get; set; } = DefaultAuthorityHost;

    public string OAuthScope { get; set; } = DefaultOAuthScope;

    /// <summary>Clock skew tolerated when checking a token's lifetime.</summary>
    public TimeSpan AllowedClockSkew { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long fetched signing keys are used before they are fetched again.</summary>
    public TimeSpan SigningKeysRefreshInterval { get; set; } = TimeSpan.FromHours(24);

    /// <summary>The least time between two key refreshes forced by tokens with an unknown key id.</summary>
    public TimeSpan SigningKeysMinimumRefreshInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Whether <c>/api/messages</c> is served. Null (the default) decides by itself: on with an app id; on with
    /// authentication off in Development without one when <see cref="AllowAnonymous"/> is set; off (with a log line)
    /// otherwise. True without an app id refuses to start outside Development or without <see cref="AllowAnonymous"/>;
    /// false switches the channel off.
    /// </summary>
    public bool? Enabled { get; set; }

    /// <summary>
    /// Lets unauthenticated requests in when there is no app id (Development only, for emulators and test tools), and
    /// then only from loopback addresses; anyone else gets 403. Off by default: the shipped
    /// <c>appsettings.Development.json</c> turns it on for the demo.
    /// </summary>
    public bool AllowAnonymous { get; set; }

    /// <summary>Larger request bodies are answered 413 before anything is parsed.</summary>
    public int MaxActivityBytes { get; set; } = 256 * 1024;

    /// <summary>
    /// How long a processed inbound activity is remembered (in the database, by channel, conversation and id) so that the
    /// connector's retries of it run no second turn.
    /// </summary>
    public TimeSpan DeduplicationWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Messages one conversation may receive at once (Teams allows 7 per second per bot and thread).</summary>
    public int ConversationBurst { get; set; } = 7;

    /// <summary>One more message per conversation every period (2 s keeps within 60 per 30 s and 1800 per hour).</summary>
    public TimeSpan ConversationReplenishmentPeriod { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Connector requests per second for one tenant (Teams' global limit is 50 per app and tenant).</summary>
    public int TenantRequestsPerSecond { get; set; } = 50;

    /// <summary>Replies in a turn wait at most this long for the rate limiter; proactive sends never wait.</summary>
    public TimeSpan RateLimitWait { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Timeout of one request to the Bot Connector.</summary>
    public TimeSpan ConnectorTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// A secret the owner types into their own 1:1 Teams chat with the bot to receive escalation alerts there
    /// (at least 12 characters); empty disables owner binding.
    /// </summary>
    public string? OwnerLinkCode { get; set; }

    /// <summary>The language of the owner's alerts.</summary>
    public string OwnerLanguage { get; set; } = "de";

    /// <summary>True when no app id is configured: inbound requests are not authenticated.</summary>
    public bool AuthenticationDisabled => string.IsNullOrWhiteSpace(AppId);

    /// <summary>The authority outbound tokens are requested from.</summary>
    public string Authority =>
        $"{AuthorityHost.TrimEnd('/')}/{(AppType == TeamsAppType.SingleTenant ? TenantId : MultiTenantAuthorityTenant)}";

    /// <summary>The tenant metadata URL with the tenant filled in.</summary>
    public string ResolvedTenantOpenIdMetadataUrl =>
        TenantOpenIdMetadataUrl.Replace("{tenantId}", TenantId, StringComparison.Ordinal);

    /// <summary>Every problem with these options, as messages naming the setting; empty when they are usable.</summary>
    public IReadOnlyList<string> Validate() => TeamsOptionsValidation.Problems(this);
}

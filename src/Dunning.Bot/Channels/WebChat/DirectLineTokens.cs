using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Dunning.Bot.Channels.WebChat;

/// <summary>
/// Issues and checks Direct Line tokens: HS256 JWTs naming one conversation and its user, valid for
/// <see cref="WebChatOptions.TokenLifetime"/>. Lifetime is checked against the injected clock (not the
/// library's), so expiry is testable and consistent with the rest of the host. A token that passed the full check
/// is remembered by its exact text (at most <see cref="WebChatOptions.ValidatedTokenCacheSize"/>), so the next request
/// with it skips parsing and the HMAC; its lifetime is still checked against the clock every time, and a token that
/// differs in any character (forged, tampered) is never found there and gets the full check.
/// </summary>
public sealed class DirectLineTokens
{
    internal const string Issuer = "dunning-bot/webchat";
    private const string ConversationClaim = "conv";
    private const string ChainClaim = "chain";

    private readonly JsonWebTokenHandler handler = new() { SetDefaultTimesOnTokenCreation = false };
    private readonly SigningCredentials credentials;
    private readonly TokenValidationParameters validation;
    private readonly TimeProvider clock;
    private readonly TimeSpan lifetime;
    private readonly TimeSpan maxAge;
    private readonly int cacheSize;
    private readonly ConcurrentDictionary<string, Validated> validated = new(StringComparer.Ordinal);

    public DirectLineTokens(WebChatSigningKey key, IOptions<WebChatOptions> options, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(options);
        var securityKey = new SymmetricSecurityKey(key.Bytes);
        credentials = new SigningCredentials(securityKey, SecurityAlgorithms.HmacSha256);
        validation = new TokenValidationParameters
        {
            ValidIssuer = Issuer,
            ValidAudience = Issuer,
            IssuerSigningKey = securityKey,
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            ValidateLifetime = false,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
        };
        this.clock = clock;
        lifetime = options.Value.TokenLifetime;
        maxAge = options.Value.TokenMaxAge;
        cacheSize = options.Value.ValidatedTokenCacheSize;
    }

    public TimeSpan Lifetime => lifetime;

    /// <summary>A fresh token for <paramref name="conversationId"/> and <paramref name="userId"/>, starting a new refresh chain.</summary>
    public string Issue(string conversationId, string userId) => IssueAt(conversationId, userId, clock.GetUtcNow()).Token;

    /// <summary>
    /// A new token in the refresh chain of <paramref name="grant"/>: valid for <see cref="Lifetime"/> but never beyond
    /// <see cref="WebChatOptions.TokenMaxAge"/> after the chain's first token; null once the chain is that old.
    /// </summary>
    public (string Token, DateTimeOffset ExpiresAt)? Refresh(DirectLineGrant grant)
    {
        ArgumentNullException.ThrowIfNull(grant);
        if (grant.ChainStartedAt + maxAge <= clock.GetUtcNow())
            return null;
        return IssueAt(grant.ConversationId, grant.UserId, grant.ChainStartedAt);
    }

    private (string Token, DateTimeOffset ExpiresAt) IssueAt(string conversationId, string userId, DateTimeOffset chainStartedAt)
    {
        var now = clock.GetUtcNow();
        var expires = Min(now + lifetime, chainStartedAt + maxAge);
        var token = handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Issuer,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            Subject = new ClaimsIdentity([new Claim(JwtRegisteredClaimNames.Sub, userId), new Claim(ConversationClaim, conversationId)]),
            Claims = new Dictionary<string, object> { [ChainClaim] = chainStartedAt.ToUnixTimeSeconds() },
            SigningCredentials = credentials,
        });
        return (token, DateTimeOffset.FromUnixTimeSeconds(expires.ToUnixTimeSeconds()));
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    /// <summary>Checks signature, issuer and lifetime; null when the token is forged, malformed or expired.</summary>
    public async Task<DirectLineGrant?> ValidateAsync(string? token, CancellationToken cancellationToken) =>
        (await CheckAsync(token, cancellationToken)).Grant;

    /// <summary>
    /// Checks signature, issuer and lifetime and says why a token fails: <see cref="TokenCheck.Expired"/> only for a
    /// token this host signed whose lifetime is over (Direct Line answers it 403 <c>TokenExpired</c>); anything forged,
    /// malformed or from elsewhere is simply invalid.
    /// </summary>
    public async Task<TokenCheck> CheckAsync(string? token, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (string.IsNullOrEmpty(token) || token.Length > 4096)
            return TokenCheck.Invalid;
        var now = clock.GetUtcNow();
        if (validated.TryGetValue(token, out var known))
            return known.CheckAt(now);
        var result = await handler.ValidateTokenAsync(token, validation);
        if (!result.IsValid || result.SecurityToken is not JsonWebToken jwt)
            return TokenCheck.Invalid;
        var conversation = jwt.TryGetPayloadValue<string>(ConversationClaim, out var c) ? c : null;
        if (string.IsNullOrEmpty(conversation) || string.IsNullOrEmpty(jwt.Subject))
            return TokenCheck.Invalid;
        var validFrom = new DateTimeOffset(jwt.ValidFrom, TimeSpan.Zero);
        // Tokens from before chains were tracked start their chain when they were issued.
        var chainStartedAt = jwt.TryGetPayloadValue<long>(ChainClaim, out var chain) ? DateTimeOffset.FromUnixTimeSeconds(chain) : validFrom;
        var checkedToken = new Validated(
            new DirectLineGrant(conversation, jwt.Subject, new DateTimeOffset(jwt.ValidTo, TimeSpan.Zero)) { ChainStartedAt = chainStartedAt },
            validFrom);
        var check = checkedToken.CheckAt(now);
        if (check.Grant is not null)
            Remember(token, checkedToken, now);
        return check;
    }

    /// <summary>Forgets the remembered tokens that have expired by <paramref name="now"/>.</summary>
    public void ForgetExpired(DateTimeOffset now)
    {
        foreach (var (key, entry) in validated)
        {
            if (entry.Grant.ExpiresAt <= now)
                validated.TryRemove(key, out _);
        }
    }

    /// <summary>How many validated tokens are remembered now (for tests).</summary>
    internal int CachedCount => validated.Count;

    private void Remember(string token, Validated checkedToken, DateTimeOffset now)
    {
        if (cacheSize == 0)
            return;
        if (validated.Count >= cacheSize)
        {
            ForgetExpired(now);
            // Still full of live tokens (a burst of new chats): start over rather than track recency per request.
            if (validated.Count >= cacheSize)
                validated.Clear();
        }
        validated[token] = checkedToken;
    }

    /// <summary>A token whose signature, issuer and claims passed; valid from <paramref name="NotBefore"/> (with a minute of skew) until it expires.</summary>
    private sealed record Validated(DirectLineGrant Grant, DateTimeOffset NotBefore)
    {
        public TokenCheck CheckAt(DateTimeOffset now) =>
            NotBefore > now.AddMinutes(1) ? TokenCheck.Invalid
            : Grant.ExpiresAt <= now ? TokenCheck.Expired
            : new TokenCheck(Grant, false);
    }
}

/// <summary>What a valid token allows: one conversation, as one user, until <see cref="ExpiresAt"/>.</summary>
public sealed record DirectLineGrant(string ConversationId, string UserId, DateTimeOffset ExpiresAt)
{
    /// <summary>When the first token of this token's refresh chain was issued.</summary>
    public DateTimeOffset ChainStartedAt { get; init; }
}

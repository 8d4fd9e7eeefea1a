using System.Security.Claims;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Dunning.Bot.Channels.WebChat;

/// <summary>
/// Issues and checks Direct Line tokens: HS256 JWTs naming one conversation and its user, valid for
/// <see cref="WebChatOptions.TokenLifetime"/>. Lifetime is checked against the injected clock (not the
/// library's), so expiry is testable and consistent with the rest of the host.
/// </summary>
public sealed class DirectLineTokens
{
    internal const string Issuer = "dunning-bot/webchat";
    private const string ConversationClaim = "conv";

    private readonly JsonWebTokenHandler handler = new() { SetDefaultTimesOnTokenCreation = false };
    private readonly SigningCredentials credentials;
    private readonly TokenValidationParameters validation;
    private readonly TimeProvider clock;
    private readonly TimeSpan lifetime;

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
    }

    public TimeSpan Lifetime => lifetime;

    /// <summary>A fresh token for <paramref name="conversationId"/> and <paramref name="userId"/>.</summary>
    public string Issue(string conversationId, string userId)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Issuer,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + lifetime,
            Subject = new ClaimsIdentity([new Claim(JwtRegisteredClaimNames.Sub, userId), new Claim(ConversationClaim, conversationId)]),
            SigningCredentials = credentials,
        });
    }

    /// <summary>Checks signature, issuer and lifetime; null when the token is forged, malformed or expired.</summary>
    public async Task<DirectLineGrant?> ValidateAsync(string? token, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (string.IsNullOrEmpty(token) || token.Length > 4096)
            return null;
        var result = await handler.ValidateTokenAsync(token, validation);
        if (!result.IsValid || result.SecurityToken is not JsonWebToken jwt)
            return null;
        var now = clock.GetUtcNow().UtcDateTime;
        if (jwt.ValidTo <= now || jwt.ValidFrom > now.AddMinutes(1))
            return null;
        var conversation = jwt.TryGetPayloadValue<string>(ConversationClaim, out var c) ? c : null;
        return string.IsNullOrEmpty(conversation) || string.IsNullOrEmpty(jwt.Subject)
            ? null
            : new DirectLineGrant(conversation, jwt.Subject, new DateTimeOffset(jwt.ValidTo, TimeSpan.Zero));
    }
}

/// <summary>What a valid token allows: one conversation, as one user, until <see cref="ExpiresAt"/>.</summary>
public sealed record DirectLineGrant(string ConversationId, string UserId, DateTimeOffset ExpiresAt);

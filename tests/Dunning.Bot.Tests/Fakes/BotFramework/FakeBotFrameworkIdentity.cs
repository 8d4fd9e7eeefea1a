using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Dunning.Bot.Tests.Fakes.BotFramework;

/// <summary>
/// The Bot Framework's and Entra ID's identity endpoints on loopback: the Bot Connector OpenID metadata and JWKS
/// (keys with endorsements, rotatable), a tenant's v2.0 metadata and JWKS, and a client-credentials token
/// endpoint. Mints tokens with any key, published or not.
/// </summary>
public sealed class FakeBotFrameworkIdentity : IAsyncDisposable
{
    public const string BotFrameworkIssuer = "https://api.botframework.com";
    public static readonly string[] DefaultEndorsements = ["msteams", "emulator", "webchat"];

    private readonly Lock sync = new();
    private readonly List<FakeSigningKey> botFrameworkKeys = [];
    private readonly List<FakeSigningKey> tenantKeys = [];
    private readonly List<FakeSigningKey> owned = [];
    private readonly X509Certificate2 certificate = LoopbackServer.CreateCertificate();
    private readonly JsonWebTokenHandler handler = new() { SetDefaultTimesOnTokenCreation = false };
    private WebApplication? app;
    private int keysRequests;
    private int tokenRequests;

    private FakeBotFrameworkIdentity(string tenantId) => TenantId = tenantId;

    public string TenantId { get; }

    public Uri HttpBase { get; private set; } = null!;

    public Uri HttpsBase { get; private set; } = null!;

    public string OpenIdMetadataUrl => new Uri(HttpBase, "v1/.well-known/openidconfiguration").ToString();

    /// <summary>Tenant metadata URL with the <c>{tenantId}</c> placeholder, as TeamsOptions expects it.</summary>
    public string TenantOpenIdMetadataUrl => new Uri(HttpBase, "{tenantId}/v2.0/.well-known/openid-configuration").ToString().Replace("%7B", "{", StringComparison.Ordinal).Replace("%7D", "}", StringComparison.Ordinal);

    /// <summary>The authority host for MSAL (HTTPS; MSAL refuses plain http).</summary>
    public string AuthorityHost => HttpsBase.ToString().TrimEnd('/');

    public X509Certificate2 Certificate => certificate;

    /// <summary>The first published Bot Connector key.</summary>
    public FakeSigningKey CurrentKey { get { lock (sync) return botFrameworkKeys[0]; } }

    /// <summary>The published tenant (Entra) key.</summary>
    public FakeSigningKey TenantKey { get { lock (sync) return tenantKeys[0]; } }

    public int KeysRequests => Volatile.Read(ref keysRequests);

    public int TokenRequests => Volatile.Read(ref tokenRequests);

    /// <summary>What the token endpoint accepts.</summary>
    public string ExpectedClientId { get; set; } = "app-id";

    public string ExpectedClientSecret { get; set; } = "app-secret";

    /// <summary>expires_in of issued access tokens.</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The form fields of the last token request.</summary>
    public IReadOnlyDictionary<string, string> LastTokenRequest { get; private set; } = new Dictionary<string, string>();

    public static async Task<FakeBotFrameworkIdentity> StartAsync(string tenantId = "11111111-2222-3333-4444-555555555555")
    {
        var identity = new FakeBotFrameworkIdentity(tenantId);
        identity.botFrameworkKeys.Add(identity.NewKey("bf-key-1", DefaultEndorsements));
        identity.tenantKeys.Add(identity.NewKey("tenant-key-1"));
        var (app, http, https) = await LoopbackServer.StartAsync(identity.Map, identity.certificate);
        (identity.app, identity.HttpBase, identity.HttpsBase) = (app, http, https!);
        return identity;
    }

    /// <summary>A key owned (and disposed) by this fake but not published.</summary>
    public FakeSigningKey NewKey(string kid, params string[] endorsements)
    {
        var key = new FakeSigningKey(kid, endorsements);
        lock (sync) owned.Add(key);
        return key;
    }

    /// <summary>Replaces the published Bot Connector keys with a new one, as a key rollover does.</summary>
    public FakeSigningKey RotateKeys(string kid, params string[] endorsements)
    {
        var key = NewKey(kid, endorsements.Length == 0 ? DefaultEndorsements : endorsements);
        lock (sync)
        {
            botFrameworkKeys.Clear();
            botFrameworkKeys.Add(key);
        }
        return key;
    }

    /// <summary>Publishes one more Bot Connector key next to the current ones.</summary>
    public void Publish(FakeSigningKey key)
    {
        lock (sync) botFrameworkKeys.Add(key);
    }

    public string Mint(FakeToken spec)
    {
        var claims = new Dictionary<string, object>(spec.ExtraClaims ?? new Dictionary<string, object>());
        if (spec.ServiceUrl is not null)
            claims["serviceurl"] = spec.ServiceUrl;
        return handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = spec.Issuer,
            Audience = spec.Audience,
            NotBefore = spec.NotBefore.UtcDateTime,
            Expires = spec.Expires.UtcDateTime,
            IssuedAt = spec.NotBefore.UtcDateTime,
            Claims = claims,
            SigningCredentials = spec.Key.Credentials,
        });
    }

    private void Map(WebApplication web)
    {
        web.MapGet("/v1/.well-known/openidconfiguration", () => Results.Json(Metadata(BotFrameworkIssuer, "v1/.well-known/keys")));
        web.MapGet("/v1/.well-known/keys", () =>
        {
            Interlocked.Increment(ref keysRequests);
            return Jwks(botFrameworkKeys);
        });
        web.MapGet("/{tenant}/v2.0/.well-known/openid-configuration", (string tenant) =>
            tenant == TenantId
                ? Results.Json(Metadata($"https://login.microsoftonline.com/{tenant}/v2.0", $"{tenant}/discovery/v2.0/keys"))
                : Results.NotFound());
        web.MapGet("/{tenant}/discovery/v2.0/keys", (string tenant) => tenant == TenantId ? Jwks(tenantKeys) : Results.NotFound());
        web.MapPost("/{tenant}/oauth2/v2.0/token", IssueAccessTokenAsync);
    }

    private JsonObject Metadata(string issuer, string jwksPath) => new()
    {
        ["issuer"] = issuer,
        ["authorization_endpoint"] = new Uri(HttpBase, "authorize").ToString(),
        ["jwks_uri"] = new Uri(HttpBase, jwksPath).ToString(),
        ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
        ["token_endpoint_auth_methods_supported"] = new JsonArray("private_key_jwt"),
    };

    private IResult Jwks(List<FakeSigningKey> keys)
    {
        lock (sync)
            return Results.Json(new JsonObject { ["keys"] = new JsonArray([.. keys.Select(k => (JsonNode)k.ToJwk())]) });
    }

    private async Task<IResult> IssueAccessTokenAsync(string tenant, HttpRequest request)
    {
        Interlocked.Increment(ref tokenRequests);
        var form = await request.ReadFormAsync();
        LastTokenRequest = form.ToDictionary(f => f.Key, f => f.Value.ToString());
        if (form["grant_type"] != "client_credentials")
            return Results.Json(new { error = "unsupported_grant_type" }, statusCode: 400);
        if (form["client_id"] != ExpectedClientId || form["client_secret"] != ExpectedClientSecret)
            return Results.Json(new { error = "invalid_client", error_description = "AADSTS7000215: Invalid client secret provided." }, statusCode: 401);
        return Results.Json(new
        {
            token_type = "Bearer",
            expires_in = (int)AccessTokenLifetime.TotalSeconds,
            ext_expires_in = (int)AccessTokenLifetime.TotalSeconds,
            access_token = $"connector-token-{tokenRequests}-{tenant}",
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
            await app.DisposeAsync();
        lock (sync)
        {
            foreach (var key in owned)
                key.Dispose();
        }
        certificate.Dispose();
    }
}

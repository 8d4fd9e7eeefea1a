using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;

namespace Dunning.Bot.Tests.Fakes.BotFramework;

/// <summary>A locally generated RSA signing key with a key id and the channel ids it endorses.</summary>
public sealed class FakeSigningKey : IDisposable
{
    private readonly RSA rsa = RSA.Create(2048);

    public FakeSigningKey(string kid, params string[] endorsements)
    {
        Kid = kid;
        Endorsements = endorsements;
    }

    public string Kid { get; }

    public IReadOnlyList<string> Endorsements { get; }

    public SigningCredentials Credentials => new(new RsaSecurityKey(rsa) { KeyId = Kid }, SecurityAlgorithms.RsaSha256);

    /// <summary>The public key as a JWK with the Bot Framework <c>endorsements</c> extension (omitted when empty).</summary>
    public JsonObject ToJwk()
    {
        var parameters = rsa.ExportParameters(includePrivateParameters: false);
        var jwk = new JsonObject
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = Kid,
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
            ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
        };
        if (Endorsements.Count > 0)
            jwk["endorsements"] = new JsonArray([.. Endorsements.Select(e => (JsonNode)JsonValue.Create(e))]);
        return jwk;
    }

    public void Dispose() => rsa.Dispose();
}

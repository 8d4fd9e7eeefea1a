using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Dunning.Bot.Channels.Teams;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Dunning.Bot.Benchmarks;

/// <summary>
/// Cost of authenticating one inbound Bot Framework request (cached keys): <c>teams-auth --tokens 20000</c>.
/// The metadata and JWKS are served in memory, so only parsing, signature and claim checks are measured.
/// </summary>
internal sealed class TeamsTokenValidationScenario : IScenario
{
    private const string AppId = "bench-app";
    private const string ServiceUrl = "https://smba.trafficmanager.net/teams/";

    public string Name => "teams-auth";

    public async Task RunAsync(BenchmarkArgs args, CancellationToken cancellationToken)
    {
        var count = args.Int("tokens", 20_000);
        using var rsa = RSA.Create(2048);
        using var http = new HttpClient(new InMemoryMetadata(rsa));
        var options = new TeamsOptions
        {
            AppId = AppId,
            AppPassword = "unused",
            AppType = TeamsAppType.MultiTenant,
            OpenIdMetadataUrl = "https://identity.bench/v1/.well-known/openidconfiguration",
        };
        var validator = new BotFrameworkTokenValidator(Options.Create(options), TimeProvider.System, NullLogger<BotFrameworkTokenValidator>.Instance, http);

        // Distinct tokens, as real traffic has: no cache can short-cut a repeated string.
        var handler = new JsonWebTokenHandler();
        var credentials = new SigningCredentials(new RsaSecurityKey(rsa) { KeyId = "k1" }, SecurityAlgorithms.RsaSha256);
        var headers = Enumerable.Range(0, count).Select(i => "Bearer " + handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = BotFrameworkTokenValidator.BotFrameworkIssuer,
            Audience = AppId,
            Claims = new Dictionary<string, object> { ["serviceurl"] = ServiceUrl, ["n"] = i },
            SigningCredentials = credentials,
        })).ToArray();

        if (!(await validator.AuthenticateAsync(headers[0], ServiceUrl, "msteams", cancellationToken)).Succeeded)
            throw new InvalidOperationException("the benchmark token does not validate");

        var micros = new List<double>(count);
        var total = Stopwatch.StartNew();
        foreach (var header in headers)
        {
            var start = Stopwatch.GetTimestamp();
            var result = await validator.AuthenticateAsync(header, ServiceUrl, "msteams", cancellationToken);
            micros.Add(Stopwatch.GetElapsedTime(start).TotalMicroseconds);
            if (!result.Succeeded)
                throw new InvalidOperationException(result.ToString());
        }
        total.Stop();
        micros.Sort();
        Report.Line(Name, new
        {
            tokens = count,
            per_second = Math.Round(count / total.Elapsed.TotalSeconds),
            p50_us = Math.Round(Report.Percentile(micros, 0.50), 1),
            p95_us = Math.Round(Report.Percentile(micros, 0.95), 1),
            p99_us = Math.Round(Report.Percentile(micros, 0.99), 1),
            peak_mb = Report.PeakMemoryMb(),
        });
    }

    private sealed class InMemoryMetadata(RSA rsa) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var parameters = rsa.ExportParameters(false);
            JsonObject body = request.RequestUri!.AbsolutePath.EndsWith("/keys", StringComparison.Ordinal)
                ? new JsonObject
                {
                    ["keys"] = new JsonArray(new JsonObject
                    {
                        ["kty"] = "RSA", ["use"] = "sig", ["kid"] = "k1",
                        ["n"] = Base64UrlEncoder.Encode(parameters.Modulus), ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
                        ["endorsements"] = new JsonArray("msteams"),
                    }),
                }
                : new JsonObject
                {
                    ["issuer"] = BotFrameworkTokenValidator.BotFrameworkIssuer,
                    ["jwks_uri"] = "https://identity.bench/v1/.well-known/keys",
                    ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
                };
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
            });
        }
    }
}

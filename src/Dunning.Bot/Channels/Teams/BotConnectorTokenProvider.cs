using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;

namespace Dunning.Bot.Channels.Teams;

/// <summary>
/// Client-credentials tokens for the Bot Connector from Microsoft Entra ID via MSAL. MSAL's in-memory app token
/// cache serves a token until five minutes before it expires, then fetches a new one.
/// </summary>
public sealed class BotConnectorTokenProvider : IBotConnectorTokenProvider
{
    private readonly IConfidentialClientApplication? application;
    private readonly string[] scopes;

    public BotConnectorTokenProvider(IOptions<TeamsOptions> options)
        : this(options, httpClientFactory: null)
    {
    }

    /// <param name="options">The Teams options; their <see cref="TeamsOptions.Authority"/> is where tokens come from.</param>
    /// <param name="httpClientFactory">The HTTP client MSAL uses; null for MSAL's own (tests pass one trusting a loopback certificate).</param>
    public BotConnectorTokenProvider(IOptions<TeamsOptions> options, IMsalHttpClientFactory? httpClientFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Value;
        scopes = [settings.OAuthScope];
        if (settings.AuthenticationDisabled)
            return;

        // A non-default host (sovereign cloud, local fake) is not in MSAL's instance list: skip discovery and validation.
        var knownHost = string.Equals(settings.AuthorityHost.TrimEnd('/'), TeamsOptions.DefaultAuthorityHost, StringComparison.OrdinalIgnoreCase);
        var builder = ConfidentialClientApplicationBuilder.Create(settings.AppId)
            .WithAuthority(settings.Authority, validateAuthority: knownHost)
            .WithInstanceDiscovery(knownHost);
        if (httpClientFactory is not null)
            builder = builder.WithHttpClientFactory(httpClientFactory);
        builder = !string.IsNullOrWhiteSpace(settings.AppPassword)
            ? builder.WithClientSecret(settings.AppPassword)
            : builder.WithCertificate(LoadCertificate(settings));
        application = builder.Build();
    }

    public async Task<string?> GetTokenAsync(CancellationToken cancellationToken)
    {
        if (application is null)
            return null;
        var result = await application.AcquireTokenForClient(scopes).ExecuteAsync(cancellationToken).ConfigureAwait(false);
        return result.AccessToken;
    }

    private static X509Certificate2 LoadCertificate(TeamsOptions settings)
    {
        if (!string.IsNullOrWhiteSpace(settings.CertificatePath))
            return X509CertificateLoader.LoadPkcs12FromFile(settings.CertificatePath, settings.CertificatePassword);

        var thumbprint = settings.CertificateThumbprint?.Replace(" ", "", StringComparison.Ordinal)
            ?? throw new InvalidOperationException("Teams:AppPassword, Teams:CertificatePath or Teams:CertificateThumbprint is required.");
        foreach (var location in new[] { StoreLocation.CurrentUser, StoreLocation.LocalMachine })
        {
            using var store = new X509Store(StoreName.My, location);
            store.Open(OpenFlags.ReadOnly);
            var found = store.Certificates.Find(X509FindType.FindByThumbprint, thumbprint, validOnly: false);
            if (found.Count > 0)
                return found[0];
        }
        throw new InvalidOperationException($"No certificate with thumbprint {thumbprint} in the CurrentUser or LocalMachine 'My' store (Teams:CertificateThumbprint).");
    }
}

using Microsoft.Extensions.Options;

namespace Dunning.Bot.Channels.Teams;

/// <summary>Checks <see cref="TeamsOptions"/> at start-up so a misconfigured bot fails loudly, not on the first message.</summary>
public sealed class TeamsOptionsValidation : IValidateOptions<TeamsOptions>
{
    private static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(30);

    public ValidateOptionsResult Validate(string? name, TeamsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = Problems(options);
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    internal static IReadOnlyList<string> Problems(TeamsOptions options)
    {
        const string S = TeamsOptions.SectionName;
        var problems = new List<string>();
        CheckChannel(problems, options);
        if (options.AuthenticationDisabled)
        {
            if (Has(options.AppPassword) || Has(options.CertificatePath) || Has(options.CertificateThumbprint))
                problems.Add($"{S}:AppId is empty but a credential is configured; set {S}:AppId to the bot's Microsoft App ID.");
            return problems;
        }

        var credentials = new[] { options.AppPassword, options.CertificatePath, options.CertificateThumbprint }.Count(Has);
        if (credentials == 0)
            problems.Add($"{S}:AppId is set but no credential is: set {S}:AppPassword, {S}:CertificatePath or {S}:CertificateThumbprint.");
        else if (credentials > 1)
            problems.Add($"Set only one of {S}:AppPassword, {S}:CertificatePath and {S}:CertificateThumbprint.");
        if (Has(options.CertificatePath) && !File.Exists(options.CertificatePath))
            problems.Add($"{S}:CertificatePath '{options.CertificatePath}' does not exist.");

        if (!Enum.IsDefined(options.AppType))
            problems.Add($"{S}:AppType must be SingleTenant or MultiTenant.");
        if (options.AppType == TeamsAppType.SingleTenant && !Has(options.TenantId))
            problems.Add($"{S}:TenantId is required when {S}:AppType is SingleTenant (the Directory (tenant) ID of the app registration).");
        if (Has(options.TenantId) && options.TenantId!.Any(c => c is '/' or '?' or '#' || char.IsWhiteSpace(c)))
            problems.Add($"{S}:TenantId '{options.TenantId}' is not a tenant id or domain.");

        CheckUrl(problems, $"{S}:OpenIdMetadataUrl", options.OpenIdMetadataUrl);
        if (options.AppType == TeamsAppType.SingleTenant)
            CheckUrl(problems, $"{S}:TenantOpenIdMetadataUrl", options.ResolvedTenantOpenIdMetadataUrl);
        CheckUrl(problems, $"{S}:AuthorityHost", options.AuthorityHost);
        if (!Has(options.OAuthScope))
            problems.Add($"{S}:OAuthScope must not be empty (default {TeamsOptions.DefaultOAuthScope}).");
        if (options.AllowedClockSkew < TimeSpan.Zero || options.AllowedClockSkew > MaxClockSkew)
            problems.Add($"{S}:AllowedClockSkew must be between 00:00:00 and {MaxClockSkew}.");
        if (options.SigningKeysRefreshInterval < TimeSpan.FromMinutes(5))
            problems.Add($"{S}:SigningKeysRefreshInterval must be at least 00:05:00.");
        if (options.SigningKeysMinimumRefreshInterval < TimeSpan.Zero)
            problems.Add($"{S}:SigningKeysMinimumRefreshInterval must not be negative.");
        return problems;
    }

    private static void CheckChannel(List<string> problems, TeamsOptions options)
    {
        const string S = TeamsOptions.SectionName;
        if (options.MaxActivityBytes < 4 * 1024)
            problems.Add($"{S}:MaxActivityBytes must be at least 4096.");
        if (options.DeduplicationWindow < TimeSpan.FromSeconds(30))
            problems.Add($"{S}:DeduplicationWindow must be at least 00:00:30 (the connector retries after 15 s).");
        if (options.ConversationBurst < 1 || options.TenantRequestsPerSecond < 1)
            problems.Add($"{S}:ConversationBurst and {S}:TenantRequestsPerSecond must be at least 1.");
        if (options.ConversationReplenishmentPeriod <= TimeSpan.Zero || options.RateLimitWait < TimeSpan.Zero || options.ConnectorTimeout <= TimeSpan.Zero)
            problems.Add($"{S}:ConversationReplenishmentPeriod and {S}:ConnectorTimeout must be positive, {S}:RateLimitWait not negative.");
        if (Has(options.OwnerLinkCode) && options.OwnerLinkCode!.Trim().Length < 12)
            problems.Add($"{S}:OwnerLinkCode must have at least 12 characters (it is a secret).");
    }

    /// <summary>HTTPS, except on the loopback interface (local fakes and test tools).</summary>
    internal static bool IsAcceptableEndpoint(Uri uri) =>
        uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback);

    private static void CheckUrl(List<string> problems, string setting, string? value)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri))
            problems.Add($"{setting} '{value}' is not an absolute URL.");
        else if (!IsAcceptableEndpoint(uri))
            problems.Add($"{setting} '{value}' must use https.");
    }

    private static bool Has(string? value) => !string.IsNullOrWhiteSpace(value);
}

namespace Dunning.Bot.Channels.Teams;

/// <summary>The start-up rule for running without authentication (no <c>Teams:AppId</c>).</summary>
public static partial class TeamsAuthenticationGuard
{
    /// <summary>The log line announcing that <c>/api/messages</c> accepts unauthenticated requests.</summary>
    public const string AuthenticationOffMessage =
        "Teams authentication is OFF: Teams:AppId is empty and Teams:AllowAnonymous is set, so /api/messages accepts " +
        "unauthenticated requests from this machine (loopback) only, for local emulators and test tools. This is allowed only in the Development environment.";

    /// <summary>
    /// Throws when authentication is off outside the Development environment; logs a warning when it is off in
    /// Development. Returns true when authentication is off.
    /// </summary>
    public static bool EnsureAuthenticationAllowed(TeamsOptions options, IHostEnvironment environment, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(logger);
        if (!options.AuthenticationDisabled)
            return false;
        if (!environment.IsDevelopment())
        {
            throw new InvalidOperationException(
                $"Teams:AppId is empty, which turns Bot Framework authentication off; that is allowed only in the Development " +
                $"environment (this is '{environment.EnvironmentName}'). Set Teams:AppId, Teams:AppPassword (or a certificate) " +
                "and Teams:TenantId from the Azure Bot registration, or run with ASPNETCORE_ENVIRONMENT=Development for local testing.");
        }
        if (!options.AllowAnonymous)
        {
            throw new InvalidOperationException(
                "Teams:AppId is empty, which turns Bot Framework authentication off; set Teams:AllowAnonymous=true to allow that " +
                "explicitly for local testing (then only loopback callers are answered), or configure Teams:AppId, Teams:AppPassword " +
                "and Teams:TenantId from the Azure Bot registration.");
        }
        LogAuthenticationOff(logger);
        return true;
    }

    /// <summary>An unauthenticated request is answered only from this machine (IPv4/IPv6 loopback).</summary>
    public static bool IsAllowedAnonymousCaller(System.Net.IPAddress? remote) =>
        remote is not null && System.Net.IPAddress.IsLoopback(remote.IsIPv4MappedToIPv6 ? remote.MapToIPv4() : remote);

    [LoggerMessage(Level = LogLevel.Warning, Message = AuthenticationOffMessage)]
    private static partial void LogAuthenticationOff(ILogger logger);
}

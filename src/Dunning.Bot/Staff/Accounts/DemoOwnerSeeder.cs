using Microsoft.Extensions.Options;

namespace Dunning.Bot.Staff.Accounts;

/// <summary>
/// In Development only, when there is no console account at all: creates the owner account <c>owner</c> with a random
/// password and prints it once (like the demo chat links), so the console can be tried at once. Never in production.
/// </summary>
internal sealed partial class DemoOwnerSeeder(
    IHostEnvironment environment,
    IOptions<StaffOptions> options,
    IStaffAccountStore store,
    StaffAccounts accounts,
    ILogger<DemoOwnerSeeder> logger) : IHostedService
{
    public const string UserName = "owner";

    /// <summary>The name debtors see on the demo owner's chat messages.</summary>
    public const string DemoDisplayName = "Anna Becker";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!environment.IsDevelopment() || !options.Value.SeedDemoOwner || (await store.ListAsync(cancellationToken)).Count > 0)
            return;
        var (_, password) = await accounts.CreateAsync(UserName, StaffRole.Owner, null, cancellationToken, DemoDisplayName);
        LogCreated(UserName, password!);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Staff console (Development): created the demo owner '{UserName}' with password {Password} — shown once; sign in at /console")]
    private partial void LogCreated(string userName, string password);
}

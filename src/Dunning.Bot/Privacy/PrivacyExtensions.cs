namespace Dunning.Bot.Privacy;

/// <summary>Registers what the owner API and the console share for a debtor's data: rotation, export, erasure.</summary>
internal static class PrivacyExtensions
{
    public static IServiceCollection AddDebtorPrivacy(this IServiceCollection services)
    {
        services.AddSingleton<DebtorProofs>();
        services.AddSingleton<DebtorExport>();
        services.AddSingleton<DebtorErasure>();
        return services;
    }
}

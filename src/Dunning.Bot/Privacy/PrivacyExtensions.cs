namespace Dunning.Bot.Privacy;

/// <summary>Registers what the owner API and the console share for a debtor's data: rotation, export, erasure.</summary>
internal static class PrivacyExtensions
{
    public static IHostApplicationBuilder AddDebtorPrivacy(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<DebtorProofs>();
        builder.Services.AddSingleton<DebtorExport>();
        builder.Services.AddSingleton<DebtorErasure>();
        return builder;
    }
}

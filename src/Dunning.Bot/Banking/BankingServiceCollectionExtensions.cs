using Dunning.Bot.Staff.Audit;
using Dunning.Bot.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Dunning.Bot.Banking;

public static class BankingServiceCollectionExtensions
{
    /// <summary>Binds <see cref="BankingOptions"/> (section <c>Banking</c>), the review queue and the <see cref="BankImporter"/>; needs the stores and policies.</summary>
    public static IServiceCollection AddDunningBanking(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BankingOptions>().Bind(configuration.GetSection(BankingOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IBankReviewStore, LiteBankReviewStore>();
        services.AddSingleton<IPayerAccountStore, LitePayerAccountStore>();
        services.AddSingleton<BankImporter>();
        services.AddSingleton<BankReviewDesk>();
        services.AddSingleton<BankReversals>();
        services.TryAddSingleton<AuditLog>();
        return services;
    }
}

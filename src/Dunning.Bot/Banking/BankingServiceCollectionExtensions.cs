namespace Dunning.Bot.Banking;

public static class BankingServiceCollectionExtensions
{
    /// <summary>Binds <see cref="BankingOptions"/> (section <c>Banking</c>), the review queue and the <see cref="BankImporter"/>; needs the stores and policies.</summary>
    public static IServiceCollection AddDunningBanking(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BankingOptions>().Bind(configuration.GetSection(BankingOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<BankImporter>();
        services.AddSingleton<BankReviewDesk>();
        return services;
    }
}

namespace Dunning.Bot.Banking;

public static class BankingServiceCollectionExtensions
{
    /// <summary>Binds <see cref="BankingOptions"/> (section <c>Banking</c>), the review queue and the <see cref="BankImporter"/>; needs <c>AddDunningServices</c>.</summary>
    public static IHostApplicationBuilder AddDunningBanking(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<BankingOptions>().Bind(builder.Configuration.GetSection(BankingOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<BankImporter>();
        services.AddSingleton<BankReviewDesk>();
        return builder;
    }
}

using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Dunning.Bot.Intake;

public static class IntakeServiceCollectionExtensions
{
    /// <summary>Binds <see cref="ImportOptions"/> (section <c>Import</c>) and registers the <see cref="InvoiceImporter"/>; needs the stores (AddDunningStorage).</summary>
    public static IServiceCollection AddDunningIntake(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ImportOptions>().Bind(configuration.GetSection(ImportOptions.SectionName));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<InvoiceImporter>();
        return services;
    }
}

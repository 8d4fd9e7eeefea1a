namespace Dunning.Bot.Intake;

public static class IntakeServiceCollectionExtensions
{
    /// <summary>Binds <see cref="ImportOptions"/> (section <c>Import</c>) and registers the <see cref="InvoiceImporter"/>; needs <c>AddDunningServices</c>.</summary>
    public static IHostApplicationBuilder AddDunningIntake(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<ImportOptions>().Bind(builder.Configuration.GetSection(ImportOptions.SectionName));
        builder.Services.AddSingleton<InvoiceImporter>();
        return builder;
    }
}

using Dunning.Bot.Core.Dialogs;

namespace Dunning.Bot.Hosting;

/// <summary>"The invoice is wrong": the dispute dialog for MainDialog and its options (section <c>Dunning:Dispute</c>, checked at start-up).</summary>
internal static class DisputeExtensions
{
    public static IHostApplicationBuilder AddDisputes(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<DisputeOptions>().BindConfiguration(DisputeOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<IntentDialog, DisputeDialog>();
        return builder;
    }
}

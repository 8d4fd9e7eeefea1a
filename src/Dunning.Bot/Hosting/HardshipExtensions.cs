using Dunning.Bot.Core.Dialogs;

namespace Dunning.Bot.Hosting;

/// <summary>"I cannot pay right now": the hardship dialog for MainDialog and its options (section <c>Dunning:Hardship</c>, checked at start-up).</summary>
internal static class HardshipExtensions
{
    public static IHostApplicationBuilder AddHardship(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<HardshipOptions>().BindConfiguration(HardshipOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<IntentDialog, HardshipDialog>();
        return builder;
    }
}

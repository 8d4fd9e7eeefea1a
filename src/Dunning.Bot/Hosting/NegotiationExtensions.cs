using Dunning.Bot.Core.Dialogs;

namespace Dunning.Bot.Hosting;

/// <summary>
/// Negotiation as IntentDialogs for MainDialog: a deferral or an instalment plan within <c>Dunning:Negotiation</c>, the
/// reminder's last offer, and "what have I agreed?". The agreements themselves are the case desks' (<c>AddDunningCases</c>).
/// </summary>
internal static class NegotiationExtensions
{
    public static IHostApplicationBuilder AddNegotiation(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<IntentDialog, NegotiationDialog>();
        builder.Services.AddSingleton<IntentDialog, LastOfferDialog>();
        builder.Services.AddSingleton<IntentDialog, AgreementDialog>();
        return builder;
    }
}

using Dunning.Bot.Core.Cases;
using Dunning.Bot.Core.Dialogs;
using Dunning.Bot.Core.Policies;
using Dunning.Bot.Core.Statements;
using Dunning.Bot.Uploads;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Dunning.Bot.Hosting;

/// <summary>
/// The case dialogs (already paid, dispute, hardship, negotiation) as IntentDialogs for MainDialog, their options, and
/// the services they share. Expects the stores, <see cref="Core.Dialogs.Wording"/>, the message recognizer and
/// <see cref="TimeProvider"/> and the policies (AddDunningPolicies) to be registered by the storage and bot registrations.
/// </summary>
internal static class NegotiationExtensions
{
    public static IServiceCollection AddNegotiation(this IServiceCollection services)
    {
        services.AddOptions<PaymentClaimOptions>().BindConfiguration(PaymentClaimOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<DisputeOptions>().BindConfiguration(DisputeOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<HardshipOptions>().BindConfiguration(HardshipOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<AgreementOptions>().BindConfiguration(AgreementOptions.SectionName);

        services.TryAddSingleton<EscalationDesk>();
        services.TryAddSingleton<CaseDialogServices>();
        services.TryAddSingleton<InvoiceStatements>();
        services.TryAddSingleton<AgreementDesk>();
        services.TryAddSingleton<AgreementFollowUp>();

        // Proof of payment for the claim-paid dialog (see Uploads/).
        services.AddUploads();

        services.AddSingleton<IntentDialog, ClaimPaidDialog>();
        services.AddSingleton<IntentDialog, DisputeDialog>();
        services.AddSingleton<IntentDialog, HardshipDialog>();
        services.AddSingleton<IntentDialog, NegotiationDialog>();
        services.AddSingleton<IntentDialog, LastOfferDialog>();
        services.AddSingleton<IntentDialog, AgreementDialog>();
        return services;
    }
}

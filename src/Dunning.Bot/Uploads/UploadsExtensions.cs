using Dunning.Bot.Core.Dialogs;
using Dunning.Bot.Core.Ports;

namespace Dunning.Bot.Uploads;

/// <summary>
/// "Already paid" with its proof of payment: the claim-paid dialog for MainDialog (section <c>Dunning:PaymentClaim</c>),
/// <see cref="UploadOptions"/> (section <c>Uploads</c>), the store, <see cref="IPaymentProofs"/> and the console's download.
/// </summary>
public static class UploadsExtensions
{
    public static IHostApplicationBuilder AddPaymentClaims(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<PaymentClaimOptions>().BindConfiguration(PaymentClaimOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<UploadOptions>().BindConfiguration(UploadOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IPaymentProofs, PaymentProofs>();
        services.AddHttpClient(DownloadedFile.HttpClientName);
        services.AddSingleton<IntentDialog, ClaimPaidDialog>();
        return builder;
    }

    /// <summary>The console's download of a kept file (owner and staff only), see <see cref="ProofDownload"/>.</summary>
    public static WebApplication MapUploads(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/console/cases/{debtorId}/proofs/{proofId}", ProofDownload.GetAsync)
            .RequireAuthorization(Staff.StaffRoles.AnyPolicy);
        return app;
    }
}

using Dunning.Bot.Core.Ports;

namespace Dunning.Bot.Uploads;

/// <summary>Proof of payment: <see cref="UploadOptions"/> (section <c>Uploads</c>), the store, <see cref="IPaymentProofs"/> and the console's download.</summary>
public static class UploadsExtensions
{
    /// <summary>Registers once; the case dialogs need it, so the conversation registrations call it.</summary>
    public static IServiceCollection AddUploads(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(IPaymentProofs)))
            return services;
        services.AddOptions<UploadOptions>().BindConfiguration(UploadOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IPaymentProofs, PaymentProofs>();
        services.AddHttpClient(DownloadedFile.HttpClientName);
        return services;
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

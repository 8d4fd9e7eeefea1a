using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Dunning.Bot.Banking;

public static class BankingServiceCollectionExtensions
{
    /// <summary>What a multipart form adds around the statement file (boundaries, headers, the antiforgery field).</summary>
    public const long FormSlackBytes = 64 * 1024;

    /// <summary>Binds <see cref="BankingOptions"/> (section <c>Banking</c>), the <see cref="BankImporter"/>, review desk and reversals; needs <c>AddDunningServices</c>.</summary>
    public static IHostApplicationBuilder AddDunningBanking(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<BankingOptions>().Bind(builder.Configuration.GetSection(BankingOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<BankImporter>();
        services.AddSingleton<BankReviewDesk>();
        services.AddSingleton<BankReversals>();
        // "Already paid" closes itself: the schedule's planner ends claim-paid pauses a booking settled or that ran out.
        services.AddSingleton<Core.Reminders.IClaimPaidPauses, ClaimPaidPauses>();
        // The console's bank page takes statements up to Banking:MaxFileMegabytes (plus the form's own bytes), not Kestrel's 30 MB.
        services.AddOptions<RazorPagesOptions>().Configure<IOptions<BankingOptions>>((pages, banking) =>
            pages.Conventions.AddPageApplicationModelConvention("/Bank", model =>
                model.EndpointMetadata.Add(new RequestSizeLimitAttribute(banking.Value.MaxBytes + FormSlackBytes))));
        return builder;
    }
}

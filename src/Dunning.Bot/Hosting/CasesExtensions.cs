using Dunning.Bot.Core.Cases;
using Dunning.Bot.Core.Ports;

namespace Dunning.Bot.Hosting;

/// <summary>The desks that act on a debtor's case for the dialogs, the schedule and the console alike, and the owner's alerts.</summary>
internal static class CasesExtensions
{
    /// <summary>
    /// Escalations, agreements and their follow-up, and the <see cref="IOwnerNotifier"/> at the end of the chain (the
    /// log); Telegram, Teams, e-mail and the console each wrap it (see <c>OwnerNotifierChain</c>). Part of <see cref="DunningServices"/>.
    /// </summary>
    public static IHostApplicationBuilder AddDunningCases(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<AgreementOptions>().BindConfiguration(AgreementOptions.SectionName);
        services.AddSingleton<IOwnerNotifier, LoggingOwnerNotifier>();
        services.AddSingleton<EscalationDesk>();
        services.AddSingleton<AgreementDesk>();
        services.AddSingleton<AgreementFollowUp>();
        return builder;
    }
}

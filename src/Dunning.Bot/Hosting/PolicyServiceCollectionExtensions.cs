using Dunning.Bot.Core.Cases;
using Dunning.Bot.Core.Claims;
using Dunning.Bot.Core.Policies;
using Dunning.Bot.Core.Statements;
using Microsoft.Extensions.Options;

namespace Dunning.Bot.Hosting;

/// <summary>
/// Binds the policy options (<c>Dunning:Ladder</c>, <c>Dunning:Interest</c>, <c>Dunning:Contact</c>,
/// <c>Dunning:Negotiation</c>, the claim's <c>Dunning</c> keys, <c>Escalation</c>), checked at start-up, and registers the
/// policies and the claims' statements. Part of <see cref="DunningServices"/>; binding twice would append configured lists twice.
/// </summary>
internal static class PolicyServiceCollectionExtensions
{
    public static IHostApplicationBuilder AddDunningPolicies(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var configuration = builder.Configuration;
        Bind<DunningLadderOptions>(services, configuration, DunningLadderOptions.SectionName, o => o.Validate());
        Bind<StatutoryInterestOptions>(services, configuration, StatutoryInterestOptions.SectionName, o => o.Validate());
        Bind<ContactRulesOptions>(services, configuration, ContactRulesOptions.SectionName, o => o.Validate());
        Bind<NegotiationLimitsOptions>(services, configuration, NegotiationLimitsOptions.SectionName, o => o.Validate());
        Bind<EscalationOptions>(services, configuration, EscalationOptions.SectionName, o => o.Validate());
        Bind<ClaimOptions>(services, configuration, ClaimOptions.SectionName, o => o.Validate());
        services.AddSingleton<HolidayCalendar>();
        services.AddSingleton<DunningLadder>();
        services.AddSingleton<StatutoryInterest>();
        services.AddSingleton<ClaimLedger>();
        services.AddSingleton<ClaimBook>();
        services.AddSingleton<InvoiceStatements>();
        services.AddSingleton<ContactRules>();
        services.AddSingleton<NegotiationLimits>();
        return builder;
    }

    /// <summary>Binds <typeparamref name="T"/> from <paramref name="section"/>, refusing to start while <paramref name="problems"/> lists any.</summary>
    internal static void Bind<T>(IServiceCollection services, IConfiguration configuration, string section, Func<T, IReadOnlyList<string>> problems)
        where T : class
    {
        services.AddOptions<T>().Bind(configuration.GetSection(section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<T>>(new ProblemsValidator<T>(problems));
    }

    private sealed class ProblemsValidator<T>(Func<T, IReadOnlyList<string>> problems) : IValidateOptions<T>
        where T : class
    {
        public ValidateOptionsResult Validate(string? name, T options) =>
            problems(options) is { Count: > 0 } found ? ValidateOptionsResult.Fail(found) : ValidateOptionsResult.Success;
    }
}

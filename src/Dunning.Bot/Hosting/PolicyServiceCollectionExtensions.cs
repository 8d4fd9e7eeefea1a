using Dunning.Bot.Core.Cases;
using Dunning.Bot.Core.Claims;
using Dunning.Bot.Core.Policies;
using Dunning.Bot.Core.Statements;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Dunning.Bot.Hosting;

/// <summary>
/// Binds the policy options (<c>Dunning:Ladder</c>, <c>Dunning:Interest</c>, <c>Dunning:Contact</c>,
/// <c>Dunning:Negotiation</c>, the claim's <c>Dunning</c> keys, <c>Escalation</c>) exactly once, checked at start-up, and registers the policies.
/// Safe to call from every part that needs them: binding twice would append configured lists twice.
/// </summary>
internal static class PolicyServiceCollectionExtensions
{
    public static IServiceCollection AddDunningPolicies(this IServiceCollection services, IConfiguration configuration)
    {
        if (services.Any(d => d.ServiceType == typeof(DunningLadder)))
            return services;
        Bind<DunningLadderOptions>(services, configuration, DunningLadderOptions.SectionName, o => o.Validate());
        Bind<StatutoryInterestOptions>(services, configuration, StatutoryInterestOptions.SectionName, o => o.Validate());
        Bind<ContactRulesOptions>(services, configuration, ContactRulesOptions.SectionName, o => o.Validate());
        Bind<NegotiationLimitsOptions>(services, configuration, NegotiationLimitsOptions.SectionName, o => o.Validate());
        Bind<EscalationOptions>(services, configuration, EscalationOptions.SectionName, o => o.Validate());
        Bind<ClaimOptions>(services, configuration, ClaimOptions.SectionName, o => o.Validate());
        services.TryAddSingleton<HolidayCalendar>();
        services.TryAddSingleton<DunningLadder>();
        services.TryAddSingleton<StatutoryInterest>();
        services.TryAddSingleton<ClaimLedger>();
        services.TryAddSingleton<ClaimBook>();
        services.TryAddSingleton<InvoiceStatements>();
        services.TryAddSingleton<ContactRules>();
        services.TryAddSingleton<NegotiationLimits>();
        return services;
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

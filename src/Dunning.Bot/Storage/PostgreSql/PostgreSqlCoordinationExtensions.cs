using Dunning.Bot.Hosting.Coordination;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Dunning.Bot.Storage.PostgreSql;

/// <summary>The coordination of several hosts through their PostgreSQL database (part of the PostgreSQL provider).</summary>
internal static class PostgreSqlCoordinationExtensions
{
    /// <summary>
    /// Puts <see cref="PostgreSqlLeadership"/> in place of <see cref="AlwaysLeader"/>, and — unless
    /// <see cref="CoordinationOptions.ShareSendLimits"/> is off — <see cref="PostgreSqlSendBudget"/> in place of the
    /// process's own <see cref="LocalSendBudget"/>.
    /// </summary>
    public static IServiceCollection AddPostgreSqlCoordination(this IServiceCollection services, IConfiguration configuration)
    {
        services.RemoveAll<ILeadership>();
        services.AddSingleton<ILeadership, PostgreSqlLeadership>();
        var coordination = configuration.GetSection(CoordinationOptions.SectionName).Get<CoordinationOptions>() ?? new CoordinationOptions();
        if (coordination.ShareSendLimits)
        {
            services.RemoveAll<ISendBudget>();
            services.AddSingleton<ISendBudget, PostgreSqlSendBudget>();
        }
        return services;
    }
}

namespace Dunning.Bot.Hosting.Coordination;

/// <summary>Registration of the coordination between hosts (part of <see cref="DunningServices"/>).</summary>
public static class CoordinationExtensions
{
    /// <summary>
    /// Binds <see cref="CoordinationOptions"/> (checked at start-up) and registers the single-host implementations:
    /// <see cref="AlwaysLeader"/> and <see cref="LocalSendBudget"/>. The PostgreSQL provider replaces them with ones
    /// shared through the database.
    /// </summary>
    public static IHostApplicationBuilder AddDunningCoordination(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<CoordinationOptions>().BindConfiguration(CoordinationOptions.SectionName)
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<ILeadership, AlwaysLeader>();
        builder.Services.AddSingleton<ISendBudget, LocalSendBudget>();
        return builder;
    }
}

using Dunning.Bot.Core.Ports;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Dunning.Bot.Channels;

/// <summary>Owner notifiers form a chain: each one added wraps the IOwnerNotifier registered before it.</summary>
internal static partial class OwnerNotifierChain
{
    /// <summary>Hands <paramref name="alert"/> to the previous notifier in the chain; at the chain's end it is logged.</summary>
    public static Task PassOnAsync(IOwnerNotifier? inner, OwnerAlert alert, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alert);
        if (inner is not null)
            return inner.NotifyAsync(alert, cancellationToken);
        LogAlert(logger, alert.Priority.ToString(), alert.Reason.ToString(), alert.DebtorId);
        return Task.CompletedTask;
    }

    /// <summary>Replaces the registered IOwnerNotifier with <paramref name="wrap"/>(the previous one, or null when there was none).</summary>
    public static void Decorate(IServiceCollection services, Func<IServiceProvider, IOwnerNotifier?, IOwnerNotifier> wrap)
    {
        var existing = services.LastOrDefault(d => d.ServiceType == typeof(IOwnerNotifier));
        services.RemoveAll<IOwnerNotifier>();
        services.AddSingleton(sp => wrap(sp, existing is null ? null : (IOwnerNotifier)Instantiate(sp, existing)));
    }

    private static object Instantiate(IServiceProvider sp, ServiceDescriptor descriptor) =>
        descriptor.ImplementationInstance
        ?? descriptor.ImplementationFactory?.Invoke(sp)
        ?? ActivatorUtilities.CreateInstance(sp, descriptor.ImplementationType!);

    // Never the summary or name: they carry the debtor's own words and personal data.
    [LoggerMessage(Level = LogLevel.Warning, Message = "Owner alert ({Priority}): {Reason} for debtor {DebtorId}")]
    private static partial void LogAlert(ILogger logger, string priority, string reason, string debtorId);
}

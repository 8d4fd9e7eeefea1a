using Dunning.Bot.Core.Messages;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Hosting;
using Dunning.Bot.Storage;
using Microsoft.Extensions.Options;

namespace Dunning.Bot.Channels.Telegram;

/// <summary>Registration and endpoint of the Telegram channel (one line each in Program.cs).</summary>
public static class TelegramExtensions
{
    /// <summary>
    /// Binds <see cref="TelegramOptions"/> (checked at start-up). Without a token the channel stays off and says once
    /// how to turn it on; with one it registers the adapter (also as <see cref="IProactiveChannel"/>), the receiver
    /// (polling or webhook set-up), the update processor, the owner link and the owner notifier (see
    /// <see cref="DecorateOwnerNotifier"/>). Needs the storage (<see cref="ITelegramStore"/>, from AddDunningStorage) and an
    /// <c>IBot</c>.
    /// </summary>
    public static IHostApplicationBuilder AddTelegram(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<TelegramOptions>().BindConfiguration(TelegramOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TelegramOptions>, TelegramOptionsValidation>();
        var options = builder.Configuration.GetSection(TelegramOptions.SectionName).Get<TelegramOptions>() ?? new TelegramOptions();
        if (!options.Enabled)
        {
            services.AddHostedService<TelegramOffNotice>();
            return builder;
        }

        // No request logging: the bot token is part of every Bot API URL (…/bot<TOKEN>/getUpdates), and the default
        // HttpClient loggers write those URLs at Information.
        services.AddHttpClient(TelegramClients.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(30)).RemoveAllLoggers();
        services.AddHttpClient(TelegramClients.PollingHttpClientName, c => c.Timeout = options.PollingTimeout + TimeSpan.FromSeconds(15)).RemoveAllLoggers();
        services.AddSingleton(sp => new TelegramBotIdentity(
            sp.GetRequiredService<IOptions<TelegramOptions>>().Value.BotUsername, TelegramBotIdentity.IdFromToken(options.Token)));
        services.AddSingleton<TelegramClients>();
        services.AddSingleton<TelegramSendGate>();
        services.AddSingleton<TelegramMessageSender>();
        services.AddSingleton<TelegramInbox>();
        services.AddSingleton<TelegramOwnerLink>();
        services.AddSingleton<TelegramUpdateHandler>();
        services.AddSingleton(sp => new TelegramAdapter(
            sp.GetRequiredService<TelegramClients>(), sp.GetRequiredService<TelegramMessageSender>(), sp.GetRequiredService<ILogger<TelegramAdapter>>()).WithBotSetup(sp));
        services.AddSingleton<IProactiveChannel>(sp => sp.GetRequiredService<TelegramAdapter>());
        services.AddHostedService<TelegramReceiver>();
        services.AddHostedService<TelegramUpdateProcessor>();
        DecorateOwnerNotifier(services);
        return builder;
    }

    /// <summary>
    /// Wraps the IOwnerNotifier registered before <c>AddTelegram</c> (the host's default) so alerts also reach the
    /// owner's bound Telegram chat. Notifiers added later (Teams, the staff console with its digest) wrap this one in turn.
    /// </summary>
    private static void DecorateOwnerNotifier(IServiceCollection services) =>
        OwnerNotifierChain.Decorate(services, (sp, inner) => new TelegramOwnerNotifier(inner,
            sp.GetRequiredService<ITelegramStore>(), sp.GetRequiredService<TelegramAdapter>(), sp.GetRequiredService<MessageCatalogue>(),
            sp.GetRequiredService<IOptions<BotOptions>>(), sp.GetRequiredService<ILogger<TelegramOwnerNotifier>>()));

    /// <summary>Maps POST /telegram/webhook when the channel is on in webhook mode.</summary>
    public static WebApplication MapTelegram(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var options = app.Services.GetRequiredService<IOptions<TelegramOptions>>().Value;
        if (options.Enabled && options.Mode == TelegramMode.Webhook)
            app.MapPost(TelegramWebhook.Path, TelegramWebhook.ReceiveAsync).ExcludeFromDescription();
        return app;
    }

    /// <summary>The one log line of a host without a Telegram token.</summary>
    private sealed class TelegramOffNotice(ILogger<TelegramOffNotice> logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            logger.LogInformation("Telegram channel is off: set Telegram__Token=<token from BotFather> (see docs/channels.md, Telegram) to turn it on.");
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}

using Dunning.Bot.Hosting;
using Dunning.Bot.Core.Messages;
using Dunning.Bot.Core.Reminders;
using Dunning.Bot.Storage;
using Microsoft.Extensions.Options;

namespace Dunning.Bot.Channels.Email;

/// <summary>Registration and endpoints of the e-mail channel (one line each in Program.cs).</summary>
public static class EmailExtensions
{
    /// <summary>
    /// Binds <see cref="EmailOptions"/> (checked at start-up). Off (one log line says
    /// how to turn it on) unless <c>Email:Enabled</c>; on, it registers the composer, the pooled SMTP mailer and the
    /// channel (also as <see cref="IProactiveChannel"/>), lets the planner fall back to e-mail, and — with an IMAP host —
    /// the mailbox poller that reads replies and bounce reports.
    /// </summary>
    public static IHostApplicationBuilder AddEmail(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<EmailOptions>().BindConfiguration(EmailOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<EmailOptions>, EmailOptionsValidation>();
        var options = builder.Configuration.GetSection(EmailOptions.SectionName).Get<EmailOptions>() ?? new EmailOptions();
        if (!options.Enabled)
        {
            services.AddHostedService<EmailOffNotice>();
            return builder;
        }
        services.AddSingleton<EmailComposer>();
        services.AddSingleton<SmtpMailer>();
        services.AddHttpClient(InvoiceDocuments.ClientName);
        services.AddSingleton<InvoiceDocuments>();
        services.AddSingleton<EmailChannel>();
        services.AddSingleton<IProactiveChannel>(sp => sp.GetRequiredService<EmailChannel>());
        services.PostConfigure<ReminderPlannerOptions>(o => o.EnableEmailFallback());
        services.AddHostedService<EmailWordingCheck>();
        if (options.OwnerAlerts.IsOn)
            DecorateOwnerNotifier(services);
        if (options.Imap.IsOn)
        {
            services.AddSingleton(sp => ActivatorUtilities.CreateInstance<EmailAdapter>(sp).WithBotSetup(sp));
            services.AddSingleton<BouncedReminders>();
            services.AddSingleton<Bounces>();
            services.AddSingleton<InboundMail>();
            services.AddSingleton<ImapPoller>();
            services.AddHostedService(sp => sp.GetRequiredService<ImapPoller>());
        }
        return builder;
    }

    /// <summary>Maps the one-click unsubscribe endpoint when the channel is on.</summary>
    public static WebApplication MapEmail(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!app.Services.GetRequiredService<IOptions<EmailOptions>>().Value.Enabled)
            return app;
        app.MapGet(EmailComposer.UnsubscribePath, EmailUnsubscribe.ShowAsync).ExcludeFromDescription();
        app.MapPost(EmailComposer.UnsubscribePath, EmailUnsubscribe.UnsubscribeAsync).ExcludeFromDescription().DisableAntiforgery();
        return app;
    }

    /// <summary>
    /// Wraps the IOwnerNotifier registered before <c>AddEmail</c> (the log, the Telegram/Teams owner chats) so alerts also
    /// reach <c>Email:OwnerAlerts:To</c>; the staff console, added later, wraps this one in turn (its digest included).
    /// </summary>
    private static void DecorateOwnerNotifier(IServiceCollection services) =>
        OwnerNotifierChain.Decorate(services, (sp, inner) => new EmailOwnerNotifier(inner, sp.GetRequiredService<EmailComposer>(),
            sp.GetRequiredService<SmtpMailer>(), sp.GetRequiredService<IOptions<EmailOptions>>(), sp.GetRequiredService<ILogger<EmailOwnerNotifier>>()));

    private sealed class EmailOffNotice(ILogger<EmailOffNotice> logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            logger.LogInformation("E-mail channel is off: set Email__Enabled=true, Email__Smtp__Host=<server> and Email__From=<address> (see docs/channels.md, E-mail) to turn it on.");
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    /// <summary>Refuses to start when a ladder stage that messages debtors has no e-mail wording in a required language.</summary>
    private sealed class EmailWordingCheck(EmailComposer composer, IOptions<MessageCatalogueOptions> catalogue) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            var missing = composer.MissingWording(catalogue.Value.RequiredLanguages);
            return missing.Count == 0
                ? Task.CompletedTask
                : throw new InvalidOperationException("The e-mail channel needs wording that dialogs/ lacks:" + Environment.NewLine + string.Join(Environment.NewLine, missing));
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}

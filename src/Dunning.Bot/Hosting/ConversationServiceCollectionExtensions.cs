using Dunning.Bot.Conversations;
using Dunning.Bot.Conversations.State;
using Dunning.Bot.Core.Cases;
using Dunning.Bot.Core.Dialogs;
using Dunning.Bot.Core.Messages;
using Dunning.Bot.Core.Policies;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Core.Security;
using Dunning.Bot.Core.Understanding;
using Dunning.Bot.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Dunning.Bot.Hosting;

/// <summary>Registers the conversation backbone: wording, understanding, policies, escalation, bot state, dialogs and the bot.</summary>
public static class ConversationServiceCollectionExtensions
{
    /// <summary>
    /// Loads and checks <c>dialogs/</c> now (a broken folder stops the host with every problem listed), binds the options
    /// (<c>Conversations</c>, <c>Escalation</c>, <c>Dunning:*</c>, <c>Messages</c>, <c>Understanding</c>) and registers
    /// the bot. Channel adapters get <see cref="BotAdapterSetup"/> and <see cref="IBot"/>; intent dialogs register as
    /// <c>services.AddSingleton&lt;IntentDialog, XDialog&gt;()</c>. Needs AddDunningStorage.
    /// </summary>
    public static WebApplicationBuilder AddDunningConversations(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var configuration = builder.Configuration;
        services.TryAddSingleton(TimeProvider.System);

        var messages = configuration.GetSection(MessageCatalogueOptions.SectionName).Get<MessageCatalogueOptions>() ?? new MessageCatalogueOptions();
        services.AddSingleton(DialogsFolder.Catalogue(FromAppFolder(messages.Directory), messages).EnsureValid());
        var understanding = configuration.GetSection(UnderstandingOptions.SectionName).Get<UnderstandingOptions>() ?? new UnderstandingOptions();
        services.AddSingleton<IMessageRecognizer>(new OfflineRecognizer(DialogsFolder.Understanding(FromAppFolder(understanding.DialogsPath), FileIntentModelCache.For(understanding))));
        services.AddUnderstandingModel(understanding.Model);

        services.AddOptions<ConversationOptions>().BindConfiguration(ConversationOptions.SectionName)
            .ValidateOnStart();
        services.AddDunningPolicies(configuration);

        services.TryAddSingleton<IOwnerNotifier, LoggingOwnerNotifier>();
        services.AddAttemptGuard(configuration);
        services.AddSingleton<EscalationDesk>();
        services.AddSingleton<Wording>();
        services.AddSingleton(sp => new ConversationState(sp.GetRequiredService<IStorage>()));
        services.AddSingleton(sp => new UserState(sp.GetRequiredService<IStorage>()));

        services.AddSingleton<Interruptions>();
        services.AddSingleton<INewBindingNotifier, Channels.NewBindingNotifier>();
        services.AddSingleton<ConversationLinker>();
        services.AddSingleton<MainDialog>();
        services.AddSingleton<TranscriptMiddleware>();
        services.AddSingleton<BotAdapterSetup>();
        services.AddSingleton<DunningBot>();
        services.AddSingleton<IBot>(sp => sp.GetRequiredService<DunningBot>());
        services.AddSingleton<IValidateOptions<ConversationOptions>, ConversationOptionsValidation>();

        // The intent dialogs MainDialog routes to.
        services.AddInvoiceQuestions();
        services.AddNegotiation();
        return builder;
    }

    /// <summary>The process-wide counter of wrong secrets (access codes, owner link codes, passwords), once.</summary>
    public static IServiceCollection AddAttemptGuard(this IServiceCollection services, IConfiguration configuration)
    {
        if (services.Any(d => d.ServiceType == typeof(IAttemptGuard)))
            return services;
        PolicyServiceCollectionExtensions.Bind<AttemptGuardOptions>(services, configuration, AttemptGuardOptions.SectionName, o => o.Validate());
        services.AddSingleton<IAttemptGuard, AttemptGuard>();
        return services;
    }

    private static string FromAppFolder(string path) => Path.IsPathRooted(path) ? path : Path.Combine(AppContext.BaseDirectory, path);
}

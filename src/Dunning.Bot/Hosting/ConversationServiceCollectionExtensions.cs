using Dunning.Bot.Conversations;
using Dunning.Bot.Conversations.State;
using Dunning.Bot.Core.Chat;
using Dunning.Bot.Core.Dialogs;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Core.Understanding;
using Dunning.Bot.Uploads;
using Microsoft.Extensions.Options;

namespace Dunning.Bot.Hosting;

/// <summary>Registers the conversation backbone: understanding, bot state, the interruption layer, the dialogs and the bot.</summary>
public static class ConversationServiceCollectionExtensions
{
    /// <summary>
    /// Reads the understanding data now (a broken file stops the host), binds <c>Conversations</c> and
    /// <c>Understanding</c> and registers the bot. Channel adapters get <see cref="BotAdapterSetup"/> and <see cref="IBot"/>;
    /// each intent dialog is registered by its area (<c>AddInvoiceQuestions</c>, <c>AddNegotiation</c>, …) as
    /// <c>services.AddSingleton&lt;IntentDialog, XDialog&gt;()</c>. Needs <see cref="DunningServices"/>.
    /// </summary>
    public static IHostApplicationBuilder AddDunningConversations(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var understanding = builder.Configuration.GetSection(UnderstandingOptions.SectionName).Get<UnderstandingOptions>() ?? new UnderstandingOptions();
        services.AddSingleton<IMessageRecognizer>(new OfflineRecognizer(
            DialogsFolder.Understanding(DialogsFolder.FromAppFolder(understanding.DialogsPath), FileIntentModelCache.For(understanding))));
        builder.AddUnderstandingModel(understanding.Model);

        services.AddOptions<ConversationOptions>().BindConfiguration(ConversationOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ConversationOptions>, ConversationOptionsValidation>();
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

        // The intent dialogs MainDialog routes to, each with its area's options and services.
        services.AddSingleton<CaseDialogServices>();
        builder.AddInvoiceQuestions();
        builder.AddPaymentClaims();
        builder.AddDisputes();
        builder.AddHardship();
        builder.AddNegotiation();
        return builder;
    }
}

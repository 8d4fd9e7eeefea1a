using System.ClientModel;
using Dunning.Bot.Core.Understanding;
using Microsoft.Extensions.AI;
using OpenAI;
using OpenAI.Chat;

namespace Dunning.Bot.Hosting;

/// <summary>Registers how every dialog recognizes messages: the offline recognizer (rules + statistical model), or a chat model checked against it.</summary>
public static class UnderstandingModelServiceCollectionExtensions
{
    /// <summary>
    /// Registers the <see cref="IAsyncMessageRecognizer"/>. With the model off (the default) it is the registered
    /// <see cref="IMessageRecognizer"/> (the offline recognizer) behind a <see cref="SyncRecognizerAdapter"/>; nothing talks to a network.
    /// With <see cref="ModelOptions.Enabled"/> it is a <see cref="ModelBackedRecognizer"/> over an <see cref="IChatClient"/>
    /// for the OpenAI-compatible <see cref="ModelOptions.Endpoint"/>, falling back to the offline recognizer on any failure.
    /// Options are bound from <c>Understanding</c>; the API key is never logged.
    /// </summary>
    public static IHostApplicationBuilder AddUnderstandingModel(this IHostApplicationBuilder builder, ModelOptions model)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(model);
        var services = builder.Services;
        services.AddOptions<UnderstandingOptions>().BindConfiguration(UnderstandingOptions.SectionName);
        if (!model.Enabled)
        {
            services.AddSingleton<IAsyncMessageRecognizer>(sp => new SyncRecognizerAdapter(sp.GetRequiredService<IMessageRecognizer>()));
            return builder;
        }
        services.AddSingleton<IChatClient>(_ => CreateChatClient(model));
        services.AddSingleton<ModelBackedRecognizer>(sp => ActivatorUtilities.CreateInstance<ModelBackedRecognizer>(
            sp, sp.GetRequiredService<IChatClient>(), sp.GetRequiredService<IMessageRecognizer>()));
        services.AddSingleton<IAsyncMessageRecognizer>(sp => sp.GetRequiredService<ModelBackedRecognizer>());
        return builder;
    }

    /// <summary>An OpenAI chat client for any OpenAI-compatible endpoint (Ollama, vLLM, LM Studio, OpenAI itself).</summary>
    internal static IChatClient CreateChatClient(ModelOptions model) =>
        new ChatClient(model.Name, new ApiKeyCredential(string.IsNullOrEmpty(model.ApiKey) ? "none" : model.ApiKey),
            new OpenAIClientOptions { Endpoint = model.Endpoint, NetworkTimeout = model.Timeout + TimeSpan.FromSeconds(1) })
        .AsIChatClient();
}

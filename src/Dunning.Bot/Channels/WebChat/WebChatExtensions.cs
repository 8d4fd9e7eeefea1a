using Dunning.Bot.Storage;
using Microsoft.Extensions.Options;

namespace Dunning.Bot.Channels.WebChat;

/// <summary>Registers and maps the web chat channel: Direct Line 3.0 subset and the chat page.</summary>
public static class WebChatExtensions
{
    /// <summary>
    /// Binds <see cref="WebChatOptions"/> and registers the adapter (also as the <c>webchat</c>
    /// <see cref="IProactiveChannel"/>), the activity store, tokens and rate limits. Needs the storage (AddDunningStorage).
    /// </summary>
    public static IHostApplicationBuilder AddWebChat(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<WebChatOptions>().BindConfiguration(WebChatOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(o => Valid(o.PerConversation) && Valid(o.PerIp) && Valid(o.StartsPerIp),
                "WebChat rate limits need PermitLimit >= 0 and a Window of at least one second.")
            .Validate(o => o.TokenMaxAge >= o.TokenLifetime, "WebChat:TokenMaxAge must be at least WebChat:TokenLifetime.")
            .Validate(DirectLineCors.ValidOrigins, "WebChat:AllowedOrigins takes origins such as https://www.example.com (http or https, host, optional port; no path).")
            .ValidateOnStart();
        var services = builder.Services;
        services.AddSingleton<WebChatRetention>();
        services.AddHostedService<WebChatRetentionService>();
        services.AddSingleton<WebChatSigningKey>();
        services.AddSingleton<DirectLineTokens>();
        services.AddSingleton<WebChatRateLimits>();
        services.AddSingleton<WebChatStreams>();
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<WebChatAdapter>(sp).WithBotSetup(sp));
        services.AddSingleton<IProactiveChannel>(sp => sp.GetRequiredService<WebChatAdapter>());
        services.AddSingleton<ChatPage>();
        services.AddDirectLineCors();
        return builder;
    }

    /// <summary>Maps <c>/v3/directline/…</c> (with WebSocket streams) and <c>/chat</c> unless <see cref="WebChatOptions.Enabled"/> is false.</summary>
    public static WebApplication MapWebChat(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!app.Services.GetRequiredService<IOptions<WebChatOptions>>().Value.Enabled)
            return app;
        app.UseWebSockets();
        app.UseCors();
        app.MapDirectLine();
        ChatPage.Map(app);
        return app;
    }

    private static bool Valid(RateLimit? limit) => limit is { PermitLimit: >= 0 } && limit.Window >= TimeSpan.FromSeconds(1);
}

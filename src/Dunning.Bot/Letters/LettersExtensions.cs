using Dunning.Bot.Core.Claims;
using Dunning.Bot.Core.Messages;
using Dunning.Bot.Core.Policies;
using Dunning.Bot.Core.Statements;
using Dunning.Bot.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Dunning.Bot.Letters;

/// <summary>Registers and maps the first-contact letters (PDF): the builder, the renderer and their endpoints.</summary>
public static class LettersExtensions
{
    public static WebApplicationBuilder AddLetters(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        AddLetterServices(builder.Services);
        return builder;
    }

    /// <summary>The services alone (the <c>letters</c> verb uses them without a web host); needs storage and the options.</summary>
    public static IServiceCollection AddLetterServices(IServiceCollection services)
    {
        services.TryAddSingleton(_ => DialogsFolder.Catalogue(Path.Combine(AppContext.BaseDirectory, "dialogs")).EnsureValid());
        services.TryAddSingleton<DunningLadder>();
        services.TryAddSingleton<StatutoryInterest>();
        services.TryAddSingleton<ClaimLedger>();
        services.TryAddSingleton<InvoiceStatements>();
        services.TryAddSingleton<FirstContactLetters>();
        services.TryAddSingleton<LetterPdf>();
        return services;
    }

    public static WebApplication MapLetters(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        LetterEndpoints.Map(app);
        return app;
    }
}

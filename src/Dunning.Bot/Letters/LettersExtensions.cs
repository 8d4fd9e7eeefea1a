namespace Dunning.Bot.Letters;

/// <summary>Registers and maps the first-contact letters (PDF): the builder, the renderer and their endpoints.</summary>
public static class LettersExtensions
{
    /// <summary>The letters' services (the <c>letters</c> verb uses them without a web host); needs <c>AddDunningServices</c>.</summary>
    public static IHostApplicationBuilder AddLetters(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<FirstContactLetters>();
        builder.Services.AddSingleton<LetterPdf>();
        return builder;
    }

    public static WebApplication MapLetters(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        LetterEndpoints.Map(app);
        return app;
    }
}

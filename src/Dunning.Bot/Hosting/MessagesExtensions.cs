using Dunning.Bot.Core.Messages;
using Microsoft.Extensions.Options;

namespace Dunning.Bot.Hosting;

/// <summary>The wording every part renders from: <c>dialogs/*.yaml</c> as one <see cref="MessageCatalogue"/>.</summary>
internal static class MessagesExtensions
{
    /// <summary>
    /// Binds <see cref="MessageCatalogueOptions"/> (section <c>Messages</c>) and registers the catalogue read from
    /// <c>Messages:Directory</c> (relative to the application folder). The host reads and checks it as it starts: a
    /// broken folder stops it with every problem listed. A verb reads it only when it renders something. Part of
    /// <see cref="DunningServices"/>.
    /// </summary>
    public static IHostApplicationBuilder AddDunningMessages(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<MessageCatalogueOptions>().BindConfiguration(MessageCatalogueOptions.SectionName);
        builder.Services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<MessageCatalogueOptions>>().Value;
            return DialogsFolder.Catalogue(DialogsFolder.FromAppFolder(options.Directory), options).EnsureValid();
        });
        builder.Services.AddHostedService<DialogsFolderCheck>();
        return builder;
    }

    /// <summary>Reads the catalogue as the host starts, so a broken folder stops the host, not the first turn.</summary>
    private sealed class DialogsFolderCheck(IServiceProvider services) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            services.GetRequiredService<MessageCatalogue>();
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}

using Dunning.Bot.Hosting;
using Dunning.Bot.Core.Messages;

namespace Dunning.Bot.Core.Tests.Messages;

/// <summary>A throw-away dialogs folder on disk for one test.</summary>
internal sealed class DialogFolder : IDisposable
{
    public DialogFolder() => Path = Directory.CreateTempSubdirectory("dialogs-").FullName;

    public string Path { get; }

    public DialogFolder With(string fileName, string yaml)
    {
        File.WriteAllText(System.IO.Path.Combine(Path, fileName), yaml);
        return this;
    }

    public MessageCatalogue Load(MessageCatalogueOptions? options = null) => DialogsFolder.Catalogue(Path, options);

    public void Dispose() => Directory.Delete(Path, recursive: true);
}

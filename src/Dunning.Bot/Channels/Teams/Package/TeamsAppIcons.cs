using Dunning.Bot.Hosting;

namespace Dunning.Bot.Channels.Teams.Package;

/// <summary>
/// The two icons Teams requires, embedded PNG files (<c>Icons/</c>): a 192×192 colour icon (a white invoice sheet with
/// lines on the default accent colour, #2B5797) and a 32×32 outline icon (the same sheet as white lines on transparent).
/// </summary>
public static class TeamsAppIcons
{
    public const int ColorSize = 192;
    public const int OutlineSize = 32;

    public static byte[] Color() => Read(TeamsAppPackage.ColorIconFile);

    public static byte[] Outline() => Read(TeamsAppPackage.OutlineIconFile);

    private static byte[] Read(string name) => EmbeddedFile.Read("teams/" + name);
}

namespace Dunning.Bot.Channels.Teams.Package;

/// <summary>
/// The two icons Teams requires, drawn in code: a 192×192 colour icon (a white invoice sheet with lines on the accent
/// colour) and a 32×32 outline icon (the same sheet as white lines on a transparent background).
/// </summary>
public static class TeamsAppIcons
{
    public const int ColorSize = 192;
    public const int OutlineSize = 32;
    private const uint White = 0xFFFFFFFF;

    public static PngImage Color(uint accentRgba)
    {
        var image = new PngImage(ColorSize, ColorSize);
        image.Fill(0, 0, ColorSize, ColorSize, accentRgba);
        image.Fill(52, 32, 140, 160, White);          // the sheet
        for (var line = 0; line < 5; line++)          // its lines, in the accent colour
            image.Fill(66, 56 + (line * 18), line == 4 ? 100 : 126, 62 + (line * 18), accentRgba);
        return image;
    }

    public static PngImage Outline()
    {
        var image = new PngImage(OutlineSize, OutlineSize); // transparent
        image.Fill(8, 4, 24, 6, White);   // top
        image.Fill(8, 26, 24, 28, White); // bottom
        image.Fill(8, 4, 10, 28, White);  // left
        image.Fill(22, 4, 24, 28, White); // right
        for (var line = 0; line < 3; line++)
            image.Fill(12, 10 + (line * 5), 20, 11 + (line * 5), White);
        return image;
    }
}

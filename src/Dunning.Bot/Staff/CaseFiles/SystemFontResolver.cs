using PdfSharp.Fonts;

namespace Dunning.Bot.Staff.CaseFiles;

/// <summary>
/// PDFsharp finds no fonts by itself on Linux: this resolver serves one installed sans-serif family (DejaVu Sans from
/// Debian's <c>fonts-dejavu-core</c>, else Liberation Sans from <c>fonts-liberation</c>, else Arial on Windows) under
/// the family name <see cref="Family"/>, regular and bold.
/// </summary>
public sealed class SystemFontResolver : IFontResolver
{
    public const string Family = "CaseFile";

    private static readonly (string Regular, string Bold)[] Candidates =
    [
        ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"),
        ("/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf", "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf"),
        ("/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf", "/usr/share/fonts/truetype/liberation2/LiberationSans-Bold.ttf"),
        (@"C:\Windows\Fonts\arial.ttf", @"C:\Windows\Fonts\arialbd.ttf"),
    ];

    private static readonly Lock Gate = new();
    private static bool installed;

    private readonly string regular;
    private readonly string bold;

    private SystemFontResolver(string regular, string bold) => (this.regular, this.bold) = (regular, bold);

    /// <summary>The resolver for the first installed candidate; null when none is installed.</summary>
    public static SystemFontResolver? Find(Func<string, bool>? exists = null)
    {
        exists ??= File.Exists;
        foreach (var (regular, bold) in Candidates)
        {
            if (exists(regular))
                return new SystemFontResolver(regular, exists(bold) ? bold : regular);
        }
        return null;
    }

    /// <summary>What to tell the operator when no font is installed.</summary>
    public static string MissingMessage =>
        "The PDF case file needs a TrueType font and none was found. Install one, e.g. `apt-get install fonts-dejavu-core` "
        + "(or fonts-liberation), then try again. Looked for: " + string.Join(", ", Candidates.Select(c => c.Regular)) + ".";

    /// <summary>Makes PDFsharp use the first installed font; throws <see cref="CaseFileFontMissingException"/> (with what to install) when none is.</summary>
    public static void EnsureInstalled()
    {
        lock (Gate)
        {
            if (installed)
                return;
            GlobalFontSettings.FontResolver ??= Find() ?? throw new CaseFileFontMissingException(MissingMessage);
            installed = true;
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool isBold, bool isItalic) =>
        new(isBold ? "bold" : "regular");

    public byte[]? GetFont(string faceName) => File.ReadAllBytes(faceName == "bold" ? bold : regular);
}

using System.Diagnostics;
using System.Text;
using ZXing;
using ZXing.Common;
using ZXing.Multi.QrCode;

namespace Dunning.Bot.Tests.Infrastructure;

/// <summary>
/// Reads PDFs as a person would: the text with poppler's <c>pdftotext</c>, the first page as a grey image with
/// <c>pdftoppm</c>, and the QR codes on that image with ZXing — as a phone camera would decode the printout.
/// </summary>
internal static class Poppler
{
    public const string Rasterizer = "/usr/bin/pdftoppm";
    public const string InstallCommand = "apt-get install poppler-utils";

    public static bool IsInstalled => File.Exists(Rasterizer) && File.Exists("/usr/bin/pdftotext");

    /// <summary>The text of every page, in reading order.</summary>
    public static string Text(byte[] pdf)
    {
        using var folder = new TempFolder();
        var input = folder.Write("in.pdf", pdf);
        Run("/usr/bin/pdftotext", $"-enc UTF-8 \"{input}\" \"{Path.Combine(folder.Path, "out.txt")}\"");
        return File.ReadAllText(Path.Combine(folder.Path, "out.txt"), Encoding.UTF8);
    }

    /// <summary>Page <paramref name="page"/> rendered at <paramref name="dpi"/> as PNG (for screenshots in docs/).</summary>
    public static byte[] Png(byte[] pdf, int page, int dpi)
    {
        using var folder = new TempFolder();
        var input = folder.Write("in.pdf", pdf);
        Run(Rasterizer, $"-png -r {dpi} -f {page} -l {page} -singlefile \"{input}\" \"{Path.Combine(folder.Path, "page")}\"");
        return File.ReadAllBytes(Path.Combine(folder.Path, "page.png"));
    }

    /// <summary>The texts of all QR codes found on page <paramref name="page"/> rendered at <paramref name="dpi"/>.</summary>
    public static IReadOnlyList<string> QrCodes(byte[] pdf, int page = 1, int dpi = 200)
    {
        var (pixels, width, height) = Gray(pdf, page, dpi);
        var source = new RGBLuminanceSource(pixels, width, height, RGBLuminanceSource.BitmapFormat.Gray8);
        var hints = new Dictionary<DecodeHintType, object> { [DecodeHintType.TRY_HARDER] = true, [DecodeHintType.POSSIBLE_FORMATS] = new[] { BarcodeFormat.QR_CODE } };
        var results = new QRCodeMultiReader().decodeMultiple(new BinaryBitmap(new HybridBinarizer(source)), hints) ?? [];
        return [.. results.Select(r => r.Text).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>Page <paramref name="page"/> as 8-bit grey pixels (a binary PGM from pdftoppm, read here).</summary>
    private static (byte[] Pixels, int Width, int Height) Gray(byte[] pdf, int page, int dpi)
    {
        using var folder = new TempFolder();
        var input = folder.Write("in.pdf", pdf);
        Run(Rasterizer, $"-gray -r {dpi} -f {page} -l {page} -singlefile \"{input}\" \"{Path.Combine(folder.Path, "page")}\"");
        var bytes = File.ReadAllBytes(Path.Combine(folder.Path, "page.pgm"));
        // P5 header: magic, width, height, max value, each separated by whitespace, then one whitespace byte and the pixels.
        var fields = new List<string>();
        var at = 0;
        while (fields.Count < 4)
        {
            while (char.IsWhiteSpace((char)bytes[at]))
                at++;
            var start = at;
            while (!char.IsWhiteSpace((char)bytes[at]))
                at++;
            fields.Add(Encoding.ASCII.GetString(bytes, start, at - start));
        }
        Assert.Equal("P5", fields[0]);
        int width = int.Parse(fields[1]), height = int.Parse(fields[2]);
        return (bytes[(at + 1)..(at + 1 + width * height)], width, height);
    }

    private static void Run(string program, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments) { RedirectStandardError = true, UseShellExecute = false })!;
        var error = process.StandardError.ReadToEnd();
        Assert.True(process.WaitForExit(60_000), $"{program} did not finish within a minute.");
        Assert.True(process.ExitCode == 0, $"{program} {arguments} failed ({process.ExitCode}): {error}");
    }

    private sealed class TempFolder : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("dunning-pdf-").FullName;

        public string Write(string name, byte[] bytes)
        {
            var file = System.IO.Path.Combine(Path, name);
            File.WriteAllBytes(file, bytes);
            return file;
        }

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}

/// <summary>
/// A fact that reads PDFs with poppler: skipped (with the install command) when it is not installed — except in CI
/// (CI=true), where it runs and fails, so a missing rasterizer never passes silently.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PopplerFactAttribute : FactAttribute
{
    public PopplerFactAttribute()
    {
        if (!Poppler.IsInstalled && Environment.GetEnvironmentVariable("CI") != "true")
            Skip = $"poppler-utils is not installed: {Poppler.InstallCommand}";
    }
}

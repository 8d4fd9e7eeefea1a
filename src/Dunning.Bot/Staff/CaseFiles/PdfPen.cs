using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Dunning.Bot.Staff.CaseFiles;

/// <summary>Writes lines top to bottom on A4 pages: keeps line breaks, wraps long lines at spaces and starts a new page when one is full.</summary>
internal sealed class PdfPen
{
    private const double Margin = 50;
    private readonly PdfDocument document;
    private readonly XFont regular = new(SystemFontResolver.Family, 9, XFontStyleEx.Regular);
    private readonly XFont bold = new(SystemFontResolver.Family, 9, XFontStyleEx.Bold);
    private readonly XFont heading = new(SystemFontResolver.Family, 12, XFontStyleEx.Bold);
    private readonly XFont title = new(SystemFontResolver.Family, 16, XFontStyleEx.Bold);
    private XGraphics? graphics;
    private PdfPage? page;
    private double y;

    public PdfPen(PdfDocument document) => this.document = document;

    public void Title(string text) => Write(text, title, 8);

    public void Heading(string text) => Write(text, heading, 4, before: 10);

    public void Line(string text) => Write(text, regular, 2);

    public void Bold(string text) => Write(text, bold, 2);

    /// <summary>Releases the last page's drawing surface; call before saving.</summary>
    public void Finish()
    {
        graphics?.Dispose();
        graphics = null;
    }

    private void Write(string text, XFont font, double after, double before = 0)
    {
        var g = Graphics();
        var width = page!.Width.Point - 2 * Margin;
        y += before;
        // A line break the writer made (a transcript, an address) is kept; long lines wrap at spaces.
        foreach (var line in text.ReplaceLineEndings("\n").Split('\n').SelectMany(paragraph => Wrap(g, paragraph, font, width)).ToList())
        {
            var height = font.GetHeight();
            if (y + height > page.Height.Point - Margin)
                g = NewPage();
            g.DrawString(line, font, XBrushes.Black, new XRect(Margin, y, width, height), XStringFormats.TopLeft);
            y += height;
        }
        y += after;
    }

    /// <summary>The lines <paramref name="text"/> wraps into at <paramref name="width"/> points.</summary>
    internal static IEnumerable<string> Wrap(XGraphics g, string text, XFont font, double width)
    {
        var current = "";
        foreach (var word in text.Split(' ').SelectMany(Chunks))
        {
            var candidate = current.Length == 0 ? word : current + " " + word;
            if (current.Length > 0 && g.MeasureString(candidate, font).Width > width)
            {
                yield return current;
                current = word;
            }
            else
            {
                current = candidate;
            }
        }
        yield return current;
    }

    /// <summary>A word longer than a line (a pasted URL, a hostile message) is cut into pieces that fit.</summary>
    private static IEnumerable<string> Chunks(string word)
    {
        for (var at = 0; at < word.Length || at == 0; at += 80)
            yield return word.Substring(at, Math.Min(80, word.Length - at));
    }

    private XGraphics Graphics() => graphics ?? NewPage();

    private XGraphics NewPage()
    {
        graphics?.Dispose();
        page = document.AddPage();
        page.Size = PdfSharp.PageSize.A4;
        graphics = XGraphics.FromPdfPage(page);
        y = Margin;
        return graphics;
    }
}

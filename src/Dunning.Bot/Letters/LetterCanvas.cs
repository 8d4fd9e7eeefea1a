using Dunning.Bot.Staff.CaseFiles;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using QRCoder;

namespace Dunning.Bot.Letters;

/// <summary>
/// Draws on A4 pages in millimetres: text at a place, text flowing down a column (wrapped at spaces, a new page when the
/// column is full) and QR codes as vector squares, so they print sharp at any resolution.
/// </summary>
internal sealed class LetterCanvas(PdfDocument document)
{
    public const double PageHeight = 297;
    public const double Left = 25;
    public const double Right = 190;
    private const double Bottom = 276;
    private const double PointsPerMm = 72 / 25.4;

    private XGraphics? graphics;

    /// <summary>Where the next flowing line starts, in mm from the top of the current page.</summary>
    public double Y { get; set; }

    public int Pages => document.PageCount;

    public static XFont Font(double size, bool bold = false) =>
        new(SystemFontResolver.Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular);

    public XGraphics Graphics => graphics ?? NewPage();

    /// <summary>One line of text with its top-left corner at (<paramref name="x"/>, <paramref name="y"/>) mm.</summary>
    public void Text(string text, double x, double y, XFont font, bool alignRight = false)
    {
        var g = Graphics;
        var width = g.MeasureString(text, font).Width;
        var left = alignRight ? x * PointsPerMm - width : x * PointsPerMm;
        g.DrawString(text, font, XBrushes.Black, new XRect(left, y * PointsPerMm, width + 1, font.GetHeight()), XStringFormats.TopLeft);
    }

    /// <summary>Text wrapped into the column from <paramref name="x"/> to <paramref name="right"/> mm, starting at <see cref="Y"/>; its line breaks are kept.</summary>
    public void Flow(string text, XFont font, double x = Left, double right = Right, double after = 1.5)
    {
        var lineHeight = font.GetHeight() / PointsPerMm;
        foreach (var paragraph in text.ReplaceLineEndings("\n").Split('\n'))
        {
            foreach (var line in PdfPen.Wrap(Graphics, paragraph, font, (right - x) * PointsPerMm))
            {
                Room(lineHeight);
                Text(line, x, Y, font);
                Y += lineHeight;
            }
        }
        Y += after;
    }

    /// <summary>Starts a new page when less than <paramref name="height"/> mm are left in the column.</summary>
    public void Room(double height)
    {
        _ = Graphics;
        if (Y + height > Bottom)
            NewPage();
    }

    /// <summary>A QR code of <paramref name="size"/> mm (quiet zone included) with its top-left corner at (x, y) mm.</summary>
    public void Qr(QRCodeData data, double x, double y, double size)
    {
        var modules = data.ModuleMatrix;
        var module = size / modules.Count * PointsPerMm;
        var g = Graphics;
        for (var row = 0; row < modules.Count; row++)
        {
            for (var column = 0; column < modules[row].Count; column++)
            {
                if (modules[row][column])
                    g.DrawRectangle(XBrushes.Black, x * PointsPerMm + column * module, y * PointsPerMm + row * module, module + 0.05, module + 0.05);
            }
        }
    }

    /// <summary>A thin horizontal rule across the column at <see cref="Y"/>.</summary>
    public void Rule(double x = Left, double right = Right) =>
        Graphics.DrawLine(new XPen(XColors.Gray, 0.5), x * PointsPerMm, Y * PointsPerMm, right * PointsPerMm, Y * PointsPerMm);

    /// <summary>Releases the last page's drawing surface; call before saving.</summary>
    public void Finish()
    {
        graphics?.Dispose();
        graphics = null;
    }

    /// <summary>Writes <paramref name="footer"/> (given the page number and count) at the foot of every page.</summary>
    public void Footers(Func<int, int, IReadOnlyList<string>> footer, XFont font)
    {
        Finish();
        for (var i = 0; i < document.PageCount; i++)
        {
            using var g = XGraphics.FromPdfPage(document.Pages[i], XGraphicsPdfPageOptions.Append);
            var y = 279.0;
            foreach (var line in footer(i + 1, document.PageCount))
            {
                var width = g.MeasureString(line, font).Width;
                g.DrawString(line, font, XBrushes.DimGray, new XRect((105 * PointsPerMm) - width / 2, y * PointsPerMm, width + 1, font.GetHeight()), XStringFormats.TopLeft);
                y += font.GetHeight() / PointsPerMm;
            }
        }
    }

    private XGraphics NewPage()
    {
        graphics?.Dispose();
        var page = document.AddPage();
        page.Size = PdfSharp.PageSize.A4;
        graphics = XGraphics.FromPdfPage(page);
        Y = 25;
        return graphics;
    }
}

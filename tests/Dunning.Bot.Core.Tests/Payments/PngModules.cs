using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Dunning.Bot.Core.Tests.Payments;

/// <summary>
/// A minimal PNG reader for tests: checks the signature, inflates the IDAT stream, undoes the row filters and
/// returns whether each pixel is dark. Enough to prove an image shows exactly a given QR module matrix.
/// </summary>
internal static class PngModules
{
    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    public static bool HasSignature(byte[] png) => png.AsSpan().StartsWith(Signature);

    public static bool[,] DarkPixels(byte[] png)
    {
        if (!HasSignature(png))
            throw new InvalidDataException("Not a PNG.");
        int width = 0, height = 0, bitDepth = 0, colorType = 0;
        byte[] palette = [];
        using var idat = new MemoryStream();
        for (var at = Signature.Length; at < png.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at));
            var type = Encoding.ASCII.GetString(png, at + 4, 4);
            var data = png.AsSpan(at + 8, length);
            switch (type)
            {
                case "IHDR":
                    (width, height, bitDepth, colorType) = (BinaryPrimitives.ReadInt32BigEndian(data), BinaryPrimitives.ReadInt32BigEndian(data[4..]), data[8], data[9]);
                    break;
                case "PLTE":
                    palette = data.ToArray();
                    break;
                case "IDAT":
                    idat.Write(data);
                    break;
            }
            at += 12 + length;
        }
        if (colorType is not (0 or 3) || bitDepth is not (1 or 8))
            throw new InvalidDataException($"Unsupported PNG: colour type {colorType}, bit depth {bitDepth}.");
        idat.Position = 0;
        using var inflated = new MemoryStream();
        using (var zlib = new ZLibStream(idat, CompressionMode.Decompress))
            zlib.CopyTo(inflated);
        var raw = inflated.ToArray();
        var stride = ((width * bitDepth) + 7) / 8;
        var previous = new byte[stride];
        var pixels = new bool[height, width];
        for (var y = 0; y < height; y++)
        {
            var filter = raw[y * (stride + 1)];
            var row = raw.AsSpan((y * (stride + 1)) + 1, stride).ToArray();
            Unfilter(filter, row, previous, bitDepth == 8 ? 1 : 1);
            for (var x = 0; x < width; x++)
            {
                int value = bitDepth == 1 ? (row[x / 8] >> (7 - (x % 8))) & 1 : row[x];
                pixels[y, x] = Luminance(value, colorType, bitDepth, palette) < 128;
            }
            previous = row;
        }
        return pixels;
    }

    private static void Unfilter(byte filter, byte[] row, byte[] previous, int bpp)
    {
        for (var i = 0; i < row.Length; i++)
        {
            int left = i >= bpp ? row[i - bpp] : 0, up = previous[i], upLeft = i >= bpp ? previous[i - bpp] : 0;
            row[i] = (byte)(row[i] + filter switch
            {
                0 => 0,
                1 => left,
                2 => up,
                3 => (left + up) / 2,
                4 => Paeth(left, up, upLeft),
                _ => throw new InvalidDataException($"Unknown PNG filter {filter}."),
            });
        }
    }

    private static int Paeth(int a, int b, int c)
    {
        int p = a + b - c, pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    private static int Luminance(int value, int colorType, int bitDepth, byte[] palette) =>
        colorType == 3
            ? (palette[value * 3] + palette[(value * 3) + 1] + palette[(value * 3) + 2]) / 3
            : bitDepth == 1 ? value * 255 : value;
}

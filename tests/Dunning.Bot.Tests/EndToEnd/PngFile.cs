using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Dunning.Bot.Tests.EndToEnd;

/// <summary>Reads a PNG strictly enough to say it decodes: signature, chunk CRCs, IHDR first, IEND last, IDAT inflating to whole rows.</summary>
internal static class PngFile
{
    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>The image's width and height; fails the test when <paramref name="png"/> is not a valid PNG.</summary>
    public static (int Width, int Height) Decode(byte[] png)
    {
        Assert.True(png.AsSpan().StartsWith(Signature), "No PNG signature.");
        var types = new List<string>();
        int width = 0, height = 0, bitDepth = 0, channels = 0;
        using var idat = new MemoryStream();
        for (var at = Signature.Length; at < png.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at));
            Assert.InRange(length, 0, png.Length - at - 12);
            var typeAndData = png.AsSpan(at + 4, 4 + length);
            var type = Encoding.ASCII.GetString(typeAndData[..4]);
            var data = typeAndData[4..];
            Assert.Equal(BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(at + 8 + length)), System.IO.Hashing.Crc32.HashToUInt32(typeAndData));
            types.Add(type);
            if (type == "IHDR")
            {
                (width, height, bitDepth) = (BinaryPrimitives.ReadInt32BigEndian(data), BinaryPrimitives.ReadInt32BigEndian(data[4..]), data[8]);
                channels = data[9] switch { 0 or 3 => 1, 2 => 3, 4 => 2, 6 => 4, var other => throw new InvalidDataException($"Colour type {other}.") };
            }
            else if (type == "IDAT")
            {
                idat.Write(data);
            }
            at += 12 + length;
        }
        Assert.Equal("IHDR", types[0]);
        Assert.Equal("IEND", types[^1]);
        Assert.True(width > 0 && height > 0, "Empty image.");
        idat.Position = 0;
        using var zlib = new ZLibStream(idat, CompressionMode.Decompress);
        using var raw = new MemoryStream();
        zlib.CopyTo(raw);
        Assert.Equal(height * (1 + ((width * bitDepth * channels) + 7) / 8), raw.Length);
        return (width, height);
    }
}

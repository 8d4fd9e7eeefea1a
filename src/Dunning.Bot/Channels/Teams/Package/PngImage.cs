using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Dunning.Bot.Channels.Teams.Package;

/// <summary>A tiny RGBA image with a PNG encoder (signature, IHDR, one zlib IDAT, IEND), enough for app icons.</summary>
public sealed class PngImage
{
    private static readonly byte[] Signature = [137, 80, 78, 71, 13, 10, 26, 10];
    private static readonly uint[] CrcTable = BuildCrcTable();
    private readonly byte[] pixels;

    public PngImage(int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        (Width, Height) = (width, height);
        pixels = new byte[width * height * 4];
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>Sets the pixel; coordinates outside the image are ignored.</summary>
    public void Set(int x, int y, uint rgba)
    {
        if (x < 0 || y < 0 || x >= Width || y >= Height)
            return;
        BinaryPrimitives.WriteUInt32BigEndian(pixels.AsSpan((y * Width + x) * 4, 4), rgba);
    }

    public uint Get(int x, int y) => BinaryPrimitives.ReadUInt32BigEndian(pixels.AsSpan((y * Width + x) * 4, 4));

    /// <summary>Fills the rectangle [x0, x1) × [y0, y1).</summary>
    public void Fill(int x0, int y0, int x1, int y1, uint rgba)
    {
        for (var y = y0; y < y1; y++)
            for (var x = x0; x < x1; x++)
                Set(x, y, rgba);
    }

    public byte[] Encode()
    {
        using var output = new MemoryStream();
        output.Write(Signature);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(0), Width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), Height);
        header[8] = 8; // bit depth
        header[9] = 6; // colour type: RGBA
        WriteChunk(output, "IHDR", header);
        WriteChunk(output, "IDAT", Compress());
        WriteChunk(output, "IEND", []);
        return output.ToArray();
    }

    /// <summary>The CRC-32 (ISO 3309, as PNG uses it) of <paramref name="data"/>.</summary>
    public static uint Crc32(ReadOnlySpan<byte> data, uint crc = 0)
    {
        crc ^= 0xFFFFFFFF;
        foreach (var b in data)
            crc = CrcTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
        return crc ^ 0xFFFFFFFF;
    }

    private byte[] Compress()
    {
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            var stride = Width * 4;
            for (var y = 0; y < Height; y++)
            {
                zlib.WriteByte(0); // filter: none
                zlib.Write(pixels, y * stride, stride);
            }
        }
        return compressed.ToArray();
    }

    private static void WriteChunk(Stream output, string type, byte[] data)
    {
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(number, data.Length);
        output.Write(number);
        var typeBytes = Encoding.ASCII.GetBytes(type);
        output.Write(typeBytes);
        output.Write(data);
        BinaryPrimitives.WriteUInt32BigEndian(number, Crc32(data, Crc32(typeBytes)));
        output.Write(number);
    }

    private static uint[] BuildCrcTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
                c = (c & 1) != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1;
            table[n] = c;
        }
        return table;
    }
}

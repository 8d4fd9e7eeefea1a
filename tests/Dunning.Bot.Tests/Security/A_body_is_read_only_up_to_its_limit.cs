using Dunning.Bot.Hosting;

namespace Dunning.Bot.Tests.Security;

/// <summary>
/// The one size-limited body reader behind the Teams and Direct Line endpoints, the Telegram webhook, uploads, invoice
/// documents and bank statements: whole bodies up to the limit, nothing (and no more reading) beyond it.
/// </summary>
public sealed class A_body_is_read_only_up_to_its_limit
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    private static byte[] Bytes(int count) => [.. Enumerable.Range(0, count).Select(i => (byte)i)];

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(16 * 1024)]
    [InlineData(100_000)]
    public async Task A_body_up_to_the_limit_comes_back_whole(int length)
    {
        var body = Bytes(length);

        Assert.Equal(body, await LimitedBody.ReadAsync(new MemoryStream(body), 100_000, Ct));
        Assert.Equal(body, await LimitedBody.ReadAsync(new MemoryStream(body), 100_000, Ct, declaredLength: length));
    }

    [Fact]
    public async Task One_byte_over_the_limit_is_refused()
    {
        Assert.Null(await LimitedBody.ReadAsync(new MemoryStream(Bytes(1001)), 1000, Ct));
    }

    [Fact]
    public async Task An_oversized_body_without_a_length_is_refused_after_reading_little_more_than_the_limit()
    {
        var endless = new CountingStream(long.MaxValue, bytesPerRead: 4096);

        Assert.Null(await LimitedBody.ReadAsync(endless, 50_000, Ct));
        Assert.InRange(endless.Delivered, 50_001, 50_000 + (16 * 1024));
    }

    [Fact]
    public async Task A_declared_length_over_the_limit_is_refused_before_reading()
    {
        var body = new CountingStream(10, bytesPerRead: 10);

        Assert.Null(await LimitedBody.ReadAsync(body, 1000, Ct, declaredLength: 5000));
        Assert.Equal(0, body.Delivered);
    }

    [Fact]
    public async Task A_body_longer_than_its_declared_length_is_still_held_to_the_limit()
    {
        Assert.Null(await LimitedBody.ReadAsync(new MemoryStream(Bytes(2000)), 1000, Ct, declaredLength: 10));
    }

    [Fact]
    public async Task A_slow_body_trickling_one_byte_at_a_time_is_read_whole()
    {
        var slow = new CountingStream(300, bytesPerRead: 1, delay: TimeSpan.FromMilliseconds(1));

        var read = await LimitedBody.ReadAsync(slow, 1000, Ct);

        Assert.Equal(300, read!.Length);
    }

    [Fact]
    public async Task A_slow_body_is_abandoned_when_the_caller_gives_up()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var stalled = new CountingStream(long.MaxValue, bytesPerRead: 1, delay: TimeSpan.FromSeconds(30));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => LimitedBody.ReadAsync(stalled, 1000, stop.Token));
    }

    /// <summary>A non-seekable stream of unknown length (as a chunked request body) that counts what it delivered.</summary>
    private sealed class CountingStream(long length, int bytesPerRead, TimeSpan delay = default) : Stream
    {
        public long Delivered { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (delay > TimeSpan.Zero)
                await Task.Delay(delay, cancellationToken);
            var count = (int)Math.Min(Math.Min(buffer.Length, bytesPerRead), length - Delivered);
            buffer.Span[..count].Fill(0x41);
            Delivered += count;
            return count;
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

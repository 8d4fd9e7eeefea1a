using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Dunning.Bot.Tests.Fakes.Smtp;

/// <summary>
/// A minimal SMTP server on loopback for the <c>email-send</c> benchmark (<c>--server sink</c>) and the many-message
/// tests: a real TCP dialogue of RFC 5321 (greeting, EHLO/HELO with PIPELINING, MAIL, RCPT, DATA with dot-stuffing's end
/// marker, RSET, NOOP, QUIT), every message accepted; only its envelope (<see cref="Messages"/>) is kept, the content is
/// thrown away. It costs the client what a fast relay costs, so a benchmark measures our rendering and submission rather
/// than the mail server's storage (smtp4dev parses and keeps every message).
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stop = new();
    private readonly List<Task> sessions = [];
    private readonly ConcurrentQueue<SinkMessage> messages = new();
    private Task? accepting;
    private long received;

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    /// <summary>Messages accepted so far (a DATA ended with <c>250</c>).</summary>
    public long Received => Interlocked.Read(ref received);

    /// <summary>The envelope of every accepted message, in the order they were accepted.</summary>
    public IReadOnlyList<SinkMessage> Messages => [.. messages];

    public void Start()
    {
        listener.Start();
        accepting = AcceptAsync();
    }

    private async Task AcceptAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            client.NoDelay = true;
            lock (sessions)
                sessions.Add(SessionAsync(client));
        }
    }

    private async Task SessionAsync(TcpClient client)
    {
        using var _ = client;
        await using var stream = client.GetStream();
        using var reader = new StreamReader(stream, Encoding.Latin1, false, 64 * 1024, leaveOpen: true);
        await using var writer = new StreamWriter(stream, Encoding.ASCII, 4096, leaveOpen: true) { NewLine = "\r\n" };
        try
        {
            await writer.WriteLineAsync("220 localhost ESMTP sink");
            await writer.FlushAsync(stop.Token);
            var from = "";
            var to = new List<string>();
            while (await reader.ReadLineAsync(stop.Token) is { } line)
            {
                var verb = (line.Length >= 4 ? line[..4] : line).ToUpperInvariant();
                switch (verb)
                {
                    case "EHLO":
                        await writer.WriteAsync("250-localhost\r\n250-PIPELINING\r\n250-8BITMIME\r\n250-SMTPUTF8\r\n250 SIZE 52428800\r\n");
                        break;
                    case "HELO":
                        await writer.WriteLineAsync("250 localhost");
                        break;
                    case "MAIL":
                        (from, to) = (Address(line), []);
                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "RCPT":
                        to.Add(Address(line));
                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "RSET":
                    case "NOOP":
                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "DATA":
                        await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                        await writer.FlushAsync(stop.Token);
                        while (await reader.ReadLineAsync(stop.Token) is { } data && data != ".")
                        {
                        }
                        messages.Enqueue(new SinkMessage(from, [.. to], TimeProvider.System.GetUtcNow()));
                        Interlocked.Increment(ref received);
                        await writer.WriteLineAsync("250 OK queued");
                        break;
                    case "QUIT":
                        await writer.WriteLineAsync("221 Bye");
                        await writer.FlushAsync(stop.Token);
                        return;
                    default:
                        await writer.WriteLineAsync("502 Command not implemented");
                        break;
                }
                await writer.FlushAsync(stop.Token);
            }
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }
    }

    /// <summary>The address between the angle brackets of <c>MAIL FROM:&lt;a&gt;</c> or <c>RCPT TO:&lt;a&gt;</c>.</summary>
    private static string Address(string line)
    {
        var (open, close) = (line.IndexOf('<', StringComparison.Ordinal), line.IndexOf('>', StringComparison.Ordinal));
        return open >= 0 && close > open ? line[(open + 1)..close] : "";
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        if (accepting is not null)
            await accepting;
        Task[] open;
        lock (sessions)
            open = [.. sessions];
        await Task.WhenAll(open);
        stop.Dispose();
    }
}

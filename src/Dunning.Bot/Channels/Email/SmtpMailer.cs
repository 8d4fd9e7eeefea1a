using System.Collections.Concurrent;
using System.Net.Sockets;
using Dunning.Bot.Hosting.Coordination;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using MimeKit.Cryptography;

namespace Dunning.Bot.Channels.Email;

/// <summary>
/// Submits messages over pooled SMTP connections (<see cref="SmtpOptions.Connections"/>) (STARTTLS or TLS, optional login, optional DKIM signature), at
/// most <see cref="EmailOptions.MaxPerMinute"/> in any minute (an <see cref="ISendBudget"/> per SMTP account: with
/// PostgreSQL one for all hosts). One attempt per call, reported, never thrown: accepted →
/// <see cref="DeliveryStatus.Delivered"/>; a permanent (5xx) refusal of the recipient → <see cref="DeliveryStatus.Dead"/>
/// (the address is wrong or gone); anything else (4xx, a broken connection, a login failure) → retry later. A pooled
/// connection the server closed meanwhile is replaced once within the same call.
/// </summary>
public sealed class SmtpMailer : IAsyncDisposable
{
    private static readonly HeaderId[] SignedHeaders =
    [
        HeaderId.From, HeaderId.To, HeaderId.Subject, HeaderId.Date, HeaderId.MessageId, HeaderId.ReplyTo, HeaderId.InReplyTo,
        HeaderId.References, HeaderId.ListUnsubscribe, HeaderId.MimeVersion, HeaderId.ContentType,
    ];

    private readonly EmailOptions options;
    private readonly ILogger<SmtpMailer> logger;
    private readonly SemaphoreSlim gate;
    private readonly ConcurrentBag<SmtpClient> idle = [];
    private readonly ISendBudget budget;
    private readonly SendLimit? perMinute;
    private readonly DkimSigner? signer;

    public SmtpMailer(IOptions<EmailOptions> options, ISendBudget budget, ILogger<SmtpMailer> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options.Value;
        this.budget = budget;
        this.logger = logger;
        gate = new SemaphoreSlim(this.options.Smtp.Connections, this.options.Smtp.Connections);
        if (this.options.MaxPerMinute > 0)
            perMinute = new SendLimit($"email:smtp:{this.options.Smtp.User}@{this.options.Smtp.Host}", this.options.MaxPerMinute, TimeSpan.FromMinutes(1));
        if (this.options.Dkim.IsOn)
        {
            signer = new DkimSigner(this.options.Dkim.PrivateKeyPath, this.options.Dkim.Domain, this.options.Dkim.Selector)
            {
                HeaderCanonicalizationAlgorithm = DkimCanonicalizationAlgorithm.Relaxed,
                BodyCanonicalizationAlgorithm = DkimCanonicalizationAlgorithm.Relaxed,
            };
        }
    }

    /// <summary>Submits <paramref name="message"/> (one attempt; see the class contract).</summary>
    public async Task<DeliveryResult> SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        // Held until the server answered; the minute counts from then.
        await using var permit = perMinute is null ? null : await budget.EnterAsync(perMinute, cancellationToken).ConfigureAwait(false);
        if (signer is not null)
        {
            message.Prepare(EncodingConstraint.SevenBit);
            signer.Sign(message, SignedHeaders);
        }
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        SmtpClient? client = null;
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    client ??= await ConnectedAsync(cancellationToken).ConfigureAwait(false);
                    await client.SendAsync(message, cancellationToken).ConfigureAwait(false);
                    return DeliveryResult.Delivered;
                }
                catch (SmtpCommandException ex)
                {
                    return Refused(ex);
                }
                catch (Exception ex) when (ex is SmtpProtocolException or IOException or SocketException or ServiceNotConnectedException)
                {
                    // A pooled connection the server closed meanwhile: once more on a fresh one.
                    await DropAsync(client).ConfigureAwait(false);
                    client = null;
                    if (attempt >= 2)
                        return DeliveryResult.RetryLater($"SMTP connection failed: {ex.Message}");
                }
                catch (AuthenticationException ex)
                {
                    await DropAsync(client).ConfigureAwait(false);
                    client = null;
                    logger.LogError("SMTP login as {User} at {Host} failed: {Message}", options.Smtp.User, options.Smtp.Host, ex.Message);
                    return DeliveryResult.RetryLater("SMTP login failed");
                }
            }
        }
        finally
        {
            if (client is { IsConnected: true })
                idle.Add(client);
            else
                client?.Dispose();
            gate.Release();
        }
    }

    private DeliveryResult Refused(SmtpCommandException ex)
    {
        var code = (int)ex.StatusCode;
        var detail = $"SMTP {code}: {ex.Message.Trim()}";
        if (ex.ErrorCode == SmtpErrorCode.RecipientNotAccepted && code >= 500)
            return DeliveryResult.Dead(detail);
        if (code >= 500)
            logger.LogError("The SMTP server refused a message permanently ({Detail}); check Email:From and the server's limits", detail);
        return DeliveryResult.RetryLater(detail);
    }

    /// <summary>An idle pooled connection that is still open, else a new one (connected, logged in).</summary>
    private async Task<SmtpClient> ConnectedAsync(CancellationToken cancellationToken)
    {
        while (idle.TryTake(out var pooled))
        {
            if (pooled.IsConnected)
                return pooled;
            pooled.Dispose();
        }
        var smtp = new SmtpClient { Timeout = options.TimeoutSeconds * 1000 };
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            // Our own socket with Nagle off: SMTP is a chain of small commands, each waiting for its answer.
            await socket.ConnectAsync(options.Smtp.Host, options.Smtp.Port, cancellationToken).ConfigureAwait(false);
            await smtp.ConnectAsync(socket, options.Smtp.Host, options.Smtp.Port, SocketOptions(options.Smtp.Security), cancellationToken).ConfigureAwait(false);
            if (!string.IsNullOrEmpty(options.Smtp.User))
                await smtp.AuthenticateAsync(options.Smtp.User, options.Smtp.Password, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            smtp.Dispose();
            socket.Dispose();
            throw;
        }
        return smtp;
    }

    internal static SecureSocketOptions SocketOptions(MailSecurity security) => security switch
    {
        MailSecurity.Tls => SecureSocketOptions.SslOnConnect,
        MailSecurity.StartTls => SecureSocketOptions.StartTls,
        _ => SecureSocketOptions.None,
    };

    private static async Task DropAsync(SmtpClient? client)
    {
        if (client is null)
            return;
        try
        {
            if (client.IsConnected)
                await client.DisconnectAsync(true, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or SocketException or SmtpProtocolException or ServiceNotConnectedException or OperationCanceledException)
        {
            // Closing a connection that is already broken: nothing to do.
        }
        client.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        while (idle.TryTake(out var client))
            await DropAsync(client).ConfigureAwait(false);
        gate.Dispose();
    }
}

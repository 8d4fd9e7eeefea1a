using System.Net.Sockets;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Dunning.Bot.Channels.Email;

/// <summary>
/// Reads the mailbox every <see cref="ImapOptions.PollSeconds"/>: every message with a UID above the persisted
/// checkpoint, oldest first. Each message is recorded as handled (by Message-ID) before its turn runs and the checkpoint
/// moves past it right after, so a message is answered at most once — even when it is redelivered, copied or the
/// process restarts; a crash in the middle of one turn leaves that message unanswered (logged), never answered twice.
/// A new UIDVALIDITY (the folder was recreated) starts over from its first message; the handled-list still
/// prevents repeats. Messages above <see cref="EmailOptions.MaxInboundBytes"/> are not downloaded.
/// </summary>
public sealed class ImapPoller(IEmailStore store, InboundMail inbound, IOptions<EmailOptions> options, TimeProvider clock, ILogger<ImapPoller> logger)
    : BackgroundService
{
    private readonly SemaphoreSlim polling = new(1, 1);

    private ImapOptions Imap => options.Value.Imap;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Imap.PollSeconds), clock);
        do
        {
            try
            {
                await PollAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning("Reading the mailbox {Folder} at {Host} failed: {Message}", Imap.Folder, Imap.Host, ex.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    /// <summary>One look at the mailbox; returns each new message's outcome in order (for tests and the log).</summary>
    public async Task<IReadOnlyList<string>> PollAsync(CancellationToken cancellationToken)
    {
        // One look at a time (the timer and an operator's sweep may meet): the checkpoint moves in order.
        await polling.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await PollOnceAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            polling.Release();
        }
    }

    private async Task<IReadOnlyList<string>> PollOnceAsync(CancellationToken cancellationToken)
    {
        var outcomes = new List<string>();
        using var client = new ImapClient { Timeout = options.Value.TimeoutSeconds * 1000 };
        await client.ConnectAsync(Imap.Host, Imap.Port, SmtpMailer.SocketOptions(Imap.Security), cancellationToken).ConfigureAwait(false);
        if (!string.IsNullOrEmpty(Imap.User))
            await client.AuthenticateAsync(Imap.User, Imap.Password, cancellationToken).ConfigureAwait(false);
        var folder = await client.GetFolderAsync(Imap.Folder, cancellationToken).ConfigureAwait(false);
        await folder.OpenAsync(FolderAccess.ReadOnly, cancellationToken).ConfigureAwait(false);
        var checkpoint = store.Checkpoint(Imap.Folder);
        var last = checkpoint is { } c && c.UidValidity == folder.UidValidity ? c.LastUid : 0u;
        var uids = (await folder.SearchAsync(SearchQuery.All, cancellationToken).ConfigureAwait(false))
            .Where(u => u.Id > last).OrderBy(u => u.Id).ToList();
        if (uids.Count > 0)
        {
            var sizes = (await folder.FetchAsync(uids, MessageSummaryItems.UniqueId | MessageSummaryItems.Size, cancellationToken).ConfigureAwait(false))
                .ToDictionary(s => s.UniqueId.Id, s => s.Size ?? 0);
            foreach (var uid in uids)
            {
                cancellationToken.ThrowIfCancellationRequested();
                outcomes.Add(await HandleOneAsync(folder, uid, sizes.GetValueOrDefault(uid.Id), cancellationToken).ConfigureAwait(false));
                store.SaveCheckpoint(Imap.Folder, folder.UidValidity, uid.Id);
            }
        }
        else if (checkpoint is null || checkpoint.Value.UidValidity != folder.UidValidity)
        {
            store.SaveCheckpoint(Imap.Folder, folder.UidValidity, last);
        }
        await client.DisconnectAsync(true, cancellationToken).ConfigureAwait(false);
        return outcomes;
    }

    private async Task<string> HandleOneAsync(IMailFolder folder, UniqueId uid, uint size, CancellationToken cancellationToken)
    {
        var fallbackKey = $"uid:{folder.UidValidity}:{uid.Id}";
        if (size > options.Value.MaxInboundBytes)
        {
            store.MarkHandled(fallbackKey, "too_large");
            logger.LogWarning("E-mail UID {Uid} has {Size} bytes, more than Email:MaxInboundBytes; not read", uid.Id, size);
            return "too_large";
        }
        MimeMessage message;
        try
        {
            message = await folder.GetMessageAsync(uid, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is FormatException or ParseException or ImapCommandException)
        {
            store.MarkHandled(fallbackKey, "unreadable");
            logger.LogWarning("E-mail UID {Uid} could not be read ({Message}); skipped", uid.Id, ex.Message);
            return "unreadable";
        }
        var key = string.IsNullOrWhiteSpace(message.MessageId) ? fallbackKey : "mid:" + message.MessageId;
        if (!store.MarkHandled(key, "handling"))
            return "duplicate";
        string outcome;
        try
        {
            outcome = await inbound.HandleAsync(message, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Handling e-mail {MessageId} failed; it is not tried again", message.MessageId);
            outcome = "failed";
        }
        store.SetOutcome(key, outcome);
        logger.LogInformation("E-mail {MessageId}: {Outcome}", message.MessageId, outcome);
        return outcome;
    }

    public override void Dispose()
    {
        polling.Dispose();
        base.Dispose();
    }
}

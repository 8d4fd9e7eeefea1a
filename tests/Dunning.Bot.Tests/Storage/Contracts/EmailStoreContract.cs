using Dunning.Bot.Channels.Email;

namespace Dunning.Bot.Tests.Storage.Contracts;

/// <summary>
/// <see cref="IEmailStore"/>: one reply token per debtor, found again in any case and nothing for junk; sent and received
/// messages make the debtor's thread (oldest first, the latest few); IMAP checkpoints per folder; an inbound message is
/// handled once.
/// </summary>
public abstract class EmailStoreContract(IStorageUnderTest storage) : StorageContractBase(storage)
{
    private IEmailStore Store => Get<IEmailStore>();

    [ContractFact]
    public void A_debtor_keeps_one_token_and_debtors_do_not_share_one()
    {
        var token = Store.ReplyToken("K-1");

        Assert.True(EmailReplyTokens.IsShaped(token));
        Assert.Equal(token, Store.ReplyToken("K-1"));
        Assert.NotEqual(token, Store.ReplyToken("K-2"));
        Reopen();
        Assert.Equal(token, Store.ReplyToken("K-1"));
    }

    [ContractFact]
    public async Task Senders_racing_for_a_new_debtors_token_get_the_same_one()
    {
        var store = Store;

        var tokens = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => store.ReplyToken("K-9"))));

        Assert.Single(tokens.Distinct());
    }

    [ContractFact]
    public void A_token_finds_its_debtor_in_any_case_and_junk_finds_nobody()
    {
        var token = Store.ReplyToken("K-1");

        Assert.Equal("K-1", Store.DebtorByToken(token));
        Assert.Equal("K-1", Store.DebtorByToken(token.ToUpperInvariant()));
        Assert.Null(Store.DebtorByToken(EmailReplyTokens.New()));
        Assert.Null(Store.DebtorByToken(null));
        Assert.Null(Store.DebtorByToken(""));
        Assert.Null(Store.DebtorByToken("' OR 1=1 --"));
        Assert.Null(Store.DebtorByToken(token + "x"));
    }

    [ContractFact]
    public void A_sent_message_is_found_by_its_id_with_the_outbox_key_of_a_reminder_only()
    {
        Store.RememberSent("m1@bot", "K-1", "Zahlungserinnerung", "K-1:stage1");
        Store.RememberSent("m2@bot", "K-1", "Re: Frage", null);

        Assert.Equal(("K-1", "Zahlungserinnerung"), Store.FindSent("m1@bot"));
        Assert.Equal("K-1:stage1", Store.OutboxKeyOf("m1@bot"));
        Assert.Null(Store.OutboxKeyOf("m2@bot"));
        Assert.Null(Store.FindSent("unknown@bot"));
        Assert.Null(Store.FindSent(null));
        Assert.Null(Store.OutboxKeyOf(" "));
    }

    [ContractFact]
    public void The_latest_thread_of_a_debtor_replaces_the_one_before()
    {
        Assert.Null(Store.LastThread("K-1"));

        Store.RememberThread("K-1", new EmailThread("a@debtor", ["x@bot"], "Frage"));
        Store.RememberThread("K-1", new EmailThread("b@debtor", ["x@bot", "a@debtor"], null));

        var thread = Assert.IsType<EmailThread>(Store.LastThread("K-1"));
        Assert.Equal("b@debtor", thread.MessageId);
        Assert.Equal(["x@bot", "a@debtor"], thread.References);
        Assert.Null(thread.Subject);
        Assert.Null(Store.LastThread("K-2"));
    }

    [ContractFact]
    public void The_thread_shows_both_ways_oldest_first_and_only_the_latest_ones()
    {
        Store.RememberSent("s1@bot", "K-1", "Rechnung", null);
        Clock.Advance(TimeSpan.FromMinutes(1));
        Store.RememberReceived("r1@debtor", "K-1", "Re: Rechnung");
        Clock.Advance(TimeSpan.FromMinutes(1));
        Store.RememberSent("s2@bot", "K-1", "Re: Re: Rechnung", null);
        Store.RememberSent("other@bot", "K-2", "Andere", null);

        var all = Store.ThreadOf("K-1", 10);
        Assert.Equal([(false, "Rechnung"), (true, "Re: Rechnung"), (false, "Re: Re: Rechnung")], all.Select(m => (m.Inbound, m.Subject)));
        Assert.Equal(["Re: Rechnung", "Re: Re: Rechnung"], Store.ThreadOf("K-1", 2).Select(m => m.Subject));
        Assert.Empty(Store.ThreadOf("K-3", 10));
    }

    [ContractFact]
    public void Checkpoints_are_kept_per_folder_and_replaced()
    {
        Assert.Null(Store.Checkpoint("INBOX"));

        Store.SaveCheckpoint("INBOX", 4_000_000_000, 12);
        Store.SaveCheckpoint("INBOX", 4_000_000_000, 15);
        Store.SaveCheckpoint("Bounces", 7, 1);

        Assert.Equal((4_000_000_000u, 15u), Store.Checkpoint("INBOX"));
        Assert.Equal((7u, 1u), Store.Checkpoint("Bounces"));
    }

    [ContractFact]
    public void An_inbound_message_is_handled_once_and_its_outcome_can_be_corrected()
    {
        Assert.True(Store.MarkHandled("<a@debtor>", "reply"));
        Assert.False(Store.MarkHandled("<a@debtor>", "again"));
        Assert.Equal("reply", Store.HandledAs("<a@debtor>"));

        Store.SetOutcome("<a@debtor>", "bounce");
        Store.SetOutcome("<unknown@debtor>", "bounce");

        Assert.Equal("bounce", Store.HandledAs("<a@debtor>"));
        Assert.Null(Store.HandledAs("<unknown@debtor>"));
    }
}

using Dunning.Bot.Channels.Email;
using Dunning.Bot.Conversations;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Privacy;

namespace Dunning.Bot.Tests.Storage.Contracts;

/// <summary>
/// <see cref="IDebtorErasureStore"/>: an erased debtor keeps the id and the books (invoices and their amounts) under a
/// pseudonym, loses name, contacts, secrets, conversations and the e-mail channel's traces; other debtors are untouched;
/// an unknown debtor is refused; erasing again changes nothing more.
/// </summary>
public abstract class DebtorErasureStoreContract(IStorageUnderTest storage) : StorageContractBase(storage)
{
    private IDebtorErasureStore Erasure => Get<IDebtorErasureStore>();

    [ContractFact]
    public async Task An_erased_debtor_keeps_the_books_and_loses_what_identifies_them()
    {
        await SeedAsync("D-1");
        await SeedAsync("D-2");
        var before = (await Get<IInvoiceStore>().FindAsync("RE-D-1", None))!;

        Assert.True(await Erasure.EraseAsync("D-1", Clock.GetUtcNow(), "olga", None));

        var debtor = (await Get<IDebtorStore>().FindAsync("D-1", None))!;
        Assert.DoesNotContain("Müller", debtor.Name, StringComparison.Ordinal);
        Assert.Null(debtor.Email);
        Assert.Empty(debtor.Contacts);
        Assert.NotEqual("ACD1", debtor.AccessCode);
        Assert.Null(await Get<IDebtorStore>().FindByAccessCodeAsync("ACD1", None));
        var invoice = (await Get<IInvoiceStore>().FindAsync("RE-D-1", None))!;
        Assert.Equal(before.Lines.Sum(l => l.Quantity * l.UnitPrice), invoice.Lines.Sum(l => l.Quantity * l.UnitPrice));
        Assert.Equal(before.Payments.Sum(p => p.Amount), invoice.Payments.Sum(p => p.Amount));
        Assert.Empty(await Get<IConversationStore>().ListByDebtorAsync("D-1", None));

        Assert.Equal("Müller & Söhne GmbH", (await Get<IDebtorStore>().FindAsync("D-2", None))!.Name);
        Assert.Single(await Get<IConversationStore>().ListByDebtorAsync("D-2", None));
    }

    [ContractFact]
    public async Task An_unknown_debtor_is_refused_and_nothing_changes()
    {
        await SeedAsync("D-1");

        Assert.False(await Erasure.EraseAsync("D-9", Clock.GetUtcNow(), "olga", None));

        Assert.Equal("Müller & Söhne GmbH", (await Get<IDebtorStore>().FindAsync("D-1", None))!.Name);
    }

    [ContractFact]
    public async Task Erasing_again_changes_nothing_more()
    {
        await SeedAsync("D-1");
        await Erasure.EraseAsync("D-1", Clock.GetUtcNow(), "olga", None);
        var once = (await Get<IInvoiceStore>().FindAsync("RE-D-1", None))!;

        Assert.True(await Erasure.EraseAsync("D-1", Clock.GetUtcNow(), "olga", None));

        var twice = (await Get<IInvoiceStore>().FindAsync("RE-D-1", None))!;
        Assert.Equal((once.Dispute, once.Payments.Count, once.Lines.Count), (twice.Dispute, twice.Payments.Count, twice.Lines.Count));
    }

    [ContractFact]
    public async Task An_erased_debtors_email_token_messages_and_thread_are_gone_and_another_debtors_stay()
    {
        await SeedAsync("D-1");
        await SeedAsync("D-2");
        var email = Get<IEmailStore>();
        var tokens = new[] { "D-1", "D-2" }.Select(id =>
        {
            email.RememberSent($"sent-{id}@bot", id, "Zahlungserinnerung", $"{id}:stage1");
            email.RememberReceived($"reply-{id}@debtor", id, "Re: Zahlungserinnerung");
            email.RememberThread(id, new EmailThread($"reply-{id}@debtor", [$"sent-{id}@bot"], "Re: Zahlungserinnerung"));
            return email.ReplyToken(id);
        }).ToList();

        Assert.True(await Erasure.EraseAsync("D-1", Clock.GetUtcNow(), "olga", None));

        Assert.Null(email.DebtorByToken(tokens[0]));
        Assert.Null(email.FindSent("sent-D-1@bot"));
        Assert.Null(email.LastThread("D-1"));
        Assert.Empty(email.ThreadOf("D-1", 10));
        Assert.Equal("D-2", email.DebtorByToken(tokens[1]));
        Assert.Equal(("D-2", "Zahlungserinnerung"), email.FindSent("sent-D-2@bot"));
        Assert.NotNull(email.LastThread("D-2"));
        Assert.Equal(2, email.ThreadOf("D-2", 10).Count);
    }

    private async Task SeedAsync(string debtorId)
    {
        await Get<IDebtorStore>().SaveAsync(Samples.Debtor(debtorId), None);
        await Get<IInvoiceStore>().SaveAsync(Samples.Invoice("RE-" + debtorId, debtorId), None);
        var link = new ConversationLink
        {
            Key = ConversationLink.KeyFor("telegram", "chat-" + debtorId),
            Channel = "telegram",
            Reference = new ConversationReference { ChannelId = "telegram", Conversation = new ConversationAccount("chat-" + debtorId) },
        };
        link.LinkTo(debtorId, Clock.GetUtcNow());
        await Get<IConversationStore>().SaveAsync(link, None);
    }
}

using System.Text.Json;
using Dunning.Bot.Conversations;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;

namespace Dunning.Bot.Core.Tests.Fakes;

/// <summary>
/// The in-memory ports the dialog tests run on keep the LiteDB stores' contract, so a test cannot pass on a fake's
/// shortcut: versioned saves, conflicts that write nothing, and copies in and out.
/// </summary>
public sealed class The_in_memory_stores
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task Insert_at_version_0_and_move_the_saved_entity_to_version_1()
    {
        var invoices = new InMemoryInvoiceStore();
        var invoice = NewInvoice("RE-1");

        await invoices.SaveAsync(invoice, Ct);

        Assert.Equal(1, invoice.Version);
        Assert.Equal(1, (await invoices.FindAsync("RE-1", Ct))!.Version);
    }

    [Fact]
    public async Task Refuse_a_second_insert_of_the_same_id_and_keep_the_first()
    {
        var invoices = new InMemoryInvoiceStore();
        await invoices.SaveAsync(NewInvoice("RE-1", 100m), Ct);
        var again = NewInvoice("RE-1", 900m);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => invoices.SaveAsync(again, Ct));

        Assert.Equal(0, again.Version);
        Assert.Equal(119m, (await invoices.FindAsync("RE-1", Ct))!.Total);
    }

    [Fact]
    public async Task Refuse_a_stale_version_and_write_nothing()
    {
        var cases = new InMemoryCaseStore();
        await cases.SaveAsync(new DunningCase { DebtorId = "D-1" }, Ct);
        var mine = (await cases.FindAsync("D-1", Ct))!;
        var theirs = (await cases.FindAsync("D-1", Ct))!;
        theirs.Advance("RE-1", 1);
        await cases.SaveAsync(theirs, Ct);
        mine.Advance("RE-1", 3);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => cases.SaveAsync(mine, Ct));

        Assert.Equal((1, 1), (mine.Version, (await cases.FindAsync("D-1", Ct))!.StageOf("RE-1")));
        Assert.Equal(2, (await cases.FindAsync("D-1", Ct))!.Version);
    }

    [Fact]
    public async Task Refuse_an_update_of_a_document_that_was_never_stored()
    {
        var debtors = new InMemoryDebtorStore();

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => debtors.SaveAsync(NewDebtor("D-1", version: 4), Ct));

        Assert.Empty(debtors.All);
    }

    [Fact]
    public async Task Hand_out_copies_so_a_read_entity_changes_nothing_until_it_is_saved()
    {
        var invoices = new InMemoryInvoiceStore();
        var saved = NewInvoice("RE-1");
        await invoices.SaveAsync(saved, Ct);

        saved.MarkDisputed("changed after saving");
        (await invoices.FindAsync("RE-1", Ct))!.RecordPayment(new Payment(new DateOnly(2026, 1, 5), 10m, "read copy"));
        invoices.All[0].Lines.Clear();

        var stored = (await invoices.FindAsync("RE-1", Ct))!;
        Assert.Null(stored.Dispute);
        Assert.Empty(stored.Payments);
        Assert.Single(stored.Lines);
    }

    [Fact]
    public async Task Make_the_next_save_conflict_when_another_writer_changed_the_document_meanwhile()
    {
        var conversations = new InMemoryConversationStore();
        await conversations.SaveAsync(NewLink("web/c1"), Ct);
        var turn = (await conversations.FindAsync("web/c1", Ct))!;
        conversations.BeforeNextSave = l => l.Handoff = HandoffState.Human;
        turn.Language = "en";

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => conversations.SaveAsync(turn, Ct));

        var stored = conversations["web/c1"]!;
        Assert.Equal((HandoffState.Human, "de", 2), (stored.Handoff, stored.Language, stored.Version));
    }

    [Fact]
    public async Task Write_a_batch_with_one_stale_document_not_at_all()
    {
        var debtors = new InMemoryDebtorStore();
        var cases = new InMemoryCaseStore();
        var invoices = new InMemoryInvoiceStore(debtors, cases);
        await invoices.SaveAsync(NewInvoice("RE-1"), Ct);
        var stale = NewInvoice("RE-1");
        stale.Version = 7;

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            invoices.SaveBatchAsync([NewDebtor("D-1")], [NewInvoice("RE-2"), stale], [new DunningCase { DebtorId = "D-1" }], Ct));

        Assert.Empty(debtors.All);
        Assert.Empty(cases.All);
        Assert.Equal(["RE-1"], invoices.All.Select(i => i.Number));

        await invoices.SaveBatchAsync([NewDebtor("D-1")], [NewInvoice("RE-2")], [new DunningCase { DebtorId = "D-1" }], Ct);
        Assert.Equal((1, 2, 1), (debtors.All.Count, invoices.All.Count, cases.All.Count));
    }

    [Fact]
    public async Task Keep_every_field_of_every_document()
    {
        var debtor = NewDebtor("D-1");
        debtor.State = "BY";
        debtor.Email = "erika@example.org";
        debtor.Reach(ChannelKind.Telegram, "4711").OptedOutAt = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);
        var invoice = NewInvoice("RE-1");
        invoice.RecordPayment(new Payment(new DateOnly(2026, 1, 5), 10m, "bank"));
        invoice.Pause = new DunningPause("claimed paid", new DateTimeOffset(2026, 2, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 1, 6, 0, 0, 0, TimeSpan.Zero));
        invoice.DocumentLink = "https://owner.example/RE-1.pdf";
        var dunningCase = new DunningCase { DebtorId = "D-1", NextActionAt = new DateTimeOffset(2026, 1, 7, 8, 0, 0, TimeSpan.Zero), LastContactAt = new DateTimeOffset(2026, 1, 6, 8, 0, 0, TimeSpan.Zero) };
        dunningCase.Advance("RE-1", 2);
        dunningCase.Record(new CaseAction(new DateTimeOffset(2026, 1, 6, 8, 0, 0, TimeSpan.Zero), CaseActionKinds.Reminder, "stage 2", "telegram", ["RE-1"], "bot"));
        var agreement = new PaymentAgreement
        {
            Id = "A-1", DebtorId = "D-1", Kind = AgreementKind.InstalmentPlan, InvoiceNumbers = ["RE-1"], Currency = "EUR",
            Schedule = [new Instalment(new DateOnly(2026, 2, 1), 50m) { PaidOn = new DateOnly(2026, 1, 30) }, new Instalment(new DateOnly(2026, 3, 1), 50m)],
            DiscountPercent = 2m, ValidUntil = new DateOnly(2026, 2, 1), CreatedAt = new DateTimeOffset(2026, 1, 6, 9, 0, 0, TimeSpan.Zero), Breaks = 1,
        };
        agreement.Agree(new DateTimeOffset(2026, 1, 6, 9, 5, 0, TimeSpan.Zero), "staff:anna");
        var escalation = new Escalation
        {
            Id = "E-1", DebtorId = "D-1", Reason = EscalationReason.Hardship, Priority = EscalationPriority.High, State = EscalationState.InProgress,
            RaisedAt = new DateTimeOffset(2026, 1, 6, 9, 0, 0, TimeSpan.Zero), RespondBy = new DateTimeOffset(2026, 1, 6, 13, 0, 0, TimeSpan.Zero),
            Detail = "lost my job", InvoiceNumbers = ["RE-1"], ConversationKey = "web/c1", AssignedTo = "staff:anna",
        };
        var link = NewLink("web/c1");
        link.LinkTo("D-1", new DateTimeOffset(2026, 1, 6, 9, 0, 0, TimeSpan.Zero));
        (link.Handoff, link.HandoffOwner, link.FailedCodeAttempts, link.LastInboundAt) = (HandoffState.Human, "staff:anna", 2, new DateTimeOffset(2026, 1, 6, 9, 1, 0, TimeSpan.Zero));

        await AssertRoundTrip(new InMemoryDebtorStore(), debtor, s => s.FindAsync("D-1", Ct));
        await AssertRoundTrip(new InMemoryInvoiceStore(), invoice, s => s.FindAsync("RE-1", Ct));
        await AssertRoundTrip(new InMemoryCaseStore(), dunningCase, s => s.FindAsync("D-1", Ct));
        await AssertRoundTrip(new InMemoryAgreementStore(), agreement, s => s.FindAsync("A-1", Ct));
        await AssertRoundTrip(new InMemoryEscalationStore(), escalation, s => s.FindAsync("E-1", Ct));
        await AssertRoundTrip(new InMemoryConversationStore(), link, s => s.FindAsync("web/c1", Ct));
    }

    private static async Task AssertRoundTrip<TStore, T>(TStore store, T entity, Func<TStore, Task<T?>> find)
        where TStore : VersionedMemoryStore<T>
        where T : class
    {
        await store.SaveAsync(entity, Ct);
        var stored = await find(store);
        Assert.NotSame(entity, stored);
        Assert.Equal(JsonSerializer.Serialize(entity, ActivityJson.Options), JsonSerializer.Serialize(stored, ActivityJson.Options));
    }

    private static Debtor NewDebtor(string id, int version = 0) =>
        new() { Id = id, Name = "Erika Mustermann", AccessCode = "C-" + id, LinkToken = "t-" + id, Version = version };

    private static Invoice NewInvoice(string number, decimal net = 100m) =>
        Invoice.Create(number, "D-1", new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 15), "EUR", null, [new InvoiceLine("Design", 1, net, 19m)]);

    private static ConversationLink NewLink(string key) => new()
    {
        Key = key,
        Channel = "web",
        Reference = new ConversationReference { ChannelId = "web", Conversation = new ConversationAccount("c1"), ServiceUrl = "https://example.org/" },
    };
}

using Dunning.Bot.Core.Domain;
using Dunning.Bot.Storage;
using Dunning.Bot.Storage.LiteDb;

namespace Dunning.Bot.Tests.Storage;

public sealed class Documents_round_trip_exactly : IDisposable
{
    private readonly LiteDbContext context = new(new MemoryStream());
    private readonly CancellationToken ct = CancellationToken.None;

    [Fact]
    public async Task A_debtor_comes_back_with_every_field_and_contact()
    {
        var store = new LiteDebtorStore(context);
        var debtor = Samples.Debtor();
        await store.SaveAsync(debtor, ct);

        var loaded = (await store.FindAsync("D-1", ct))!;

        Assert.Equal(("Müller & Söhne GmbH", DebtorKind.Business, "en", "America/New_York", "US", "NY", "ap@example.com"),
            (loaded.Name, loaded.Kind, loaded.Language, loaded.TimeZone, loaded.Country, loaded.State, loaded.Email));
        Assert.Equal((debtor.AccessCode, debtor.LinkToken, 1), (loaded.AccessCode, loaded.LinkToken, loaded.Version));
        Assert.Collection(loaded.Contacts,
            c => Assert.Equal((ChannelKind.Telegram, "123456789", Samples.Moment, (DateTimeOffset?)null), (c.Channel, c.Address, c.OptedOutAt!.Value, c.DeadSince)),
            c => Assert.Equal((ChannelKind.Teams, "29:abc", Samples.Moment.AddDays(1), "blocked"), (c.Channel, c.Address, c.DeadSince!.Value, c.DeadReason)));
    }

    [Fact]
    public async Task A_debtor_without_optional_fields_keeps_them_null()
    {
        var store = new LiteDebtorStore(context);
        await store.SaveAsync(new Debtor { Id = "D-2", Name = "Eva", AccessCode = "X", LinkToken = "Y" }, ct);

        var loaded = (await store.FindAsync("D-2", ct))!;

        Assert.Null(loaded.State);
        Assert.Null(loaded.Email);
        Assert.Empty(loaded.Contacts);
        Assert.Equal(("de", "Europe/Berlin", "DE", DebtorKind.Consumer), (loaded.Language, loaded.TimeZone, loaded.Country, loaded.Kind));
    }

    [Fact]
    public async Task An_invoice_keeps_decimals_dates_lines_payments_pause_and_dispute_exactly()
    {
        var store = new LiteInvoiceStore(context);
        var invoice = Samples.Invoice();
        invoice.WriteOff(Samples.Moment.AddTicks(1));
        invoice.AddWriteOff(new WriteOff(new DateOnly(2026, 3, 1), 0.05m, "Rundung", "owner"));
        invoice.AddCreditNote(new CreditNote(new DateOnly(2026, 2, 20), 12.5m, "GS-7"));
        invoice.DueDateAgreed = true;
        invoice.DefaultNotice = false;
        invoice.Settle(new DateOnly(2026, 3, 2));
        await store.SaveAsync(invoice, ct);

        var loaded = (await store.FindAsync("RE-2026.001", ct))!;

        Assert.Equal((new DateOnly(2026, 1, 31), new DateOnly(2026, 2, 14), "EUR", "https://example.com/re.pdf"),
            (loaded.IssueDate, loaded.DueDate, loaded.Currency, loaded.DocumentLink));
        Assert.Equal(invoice.Lines, loaded.Lines);
        Assert.Equal("0.333", loaded.Lines[1].UnitPrice.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(invoice.Total.ToString(System.Globalization.CultureInfo.InvariantCulture), loaded.Total.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(invoice.Payments, loaded.Payments);
        Assert.Equal(invoice.Pause, loaded.Pause);
        Assert.Equal(TimeSpan.Zero, loaded.Pause!.Since.Offset);
        Assert.Equal(Samples.Moment.UtcTicks, loaded.Pause.Since.UtcTicks);
        Assert.Equal("wrong hours", loaded.Dispute);
        Assert.Equal(Samples.Moment.AddTicks(1), loaded.WrittenOffAt);
        Assert.Equal(invoice.WriteOffs, loaded.WriteOffs);
        Assert.Equal(invoice.CreditNotes, loaded.CreditNotes);
        Assert.Equal((true, false, new DateOnly(2026, 3, 2)), (loaded.DueDateAgreed, loaded.DefaultNotice, loaded.SettledOn));
    }

    [Fact]
    public async Task An_invoice_stored_before_the_claim_ledger_with_its_principal_paid_stays_paid()
    {
        var store = new LiteInvoiceStore(context);
        var invoice = Samples.Invoice();
        invoice.RecordPayment(new Payment(new DateOnly(2026, 2, 10), invoice.Total, "old"));
        await store.SaveAsync(invoice, ct);
        var raw = context.Database.GetCollection("invoices").FindById(invoice.Number);
        raw.Remove("SettledOn");
        raw.Remove("WriteOffs");
        context.Database.GetCollection("invoices").Update(raw);

        var loaded = (await store.FindAsync(invoice.Number, ct))!;

        Assert.Equal((invoice.Payments.Max(p => p.Date), 0), (loaded.SettledOn, loaded.WriteOffs.Count));
    }

    [Fact]
    public async Task A_case_keeps_stages_with_awkward_invoice_numbers_and_its_history()
    {
        var store = new LiteCaseStore(context);
        var dunningCase = new DunningCase { DebtorId = "D-1", NextActionAt = Samples.Moment, LastContactAt = Samples.Moment.AddTicks(-7) };
        dunningCase.Advance("RE.2026.$1", 2);
        dunningCase.Advance("re-7", 1);
        dunningCase.Record(new CaseAction(Samples.Moment, CaseActionKinds.Reminder, "stage 2", ChannelKind.Telegram, ["RE.2026.$1"], "bot"));
        dunningCase.Record(new CaseAction(Samples.Moment.AddSeconds(1), CaseActionKinds.Staff, "called"));
        await store.SaveAsync(dunningCase, ct);

        var loaded = (await store.FindAsync("D-1", ct))!;

        Assert.Equal(new Dictionary<string, int> { ["RE.2026.$1"] = 2, ["re-7"] = 1 }, loaded.Stages);
        Assert.Equal((Samples.Moment, Samples.Moment.AddTicks(-7)), (loaded.NextActionAt!.Value, loaded.LastContactAt!.Value));
        Assert.Equal(2, loaded.History.Count);
        Assert.Equal(["RE.2026.$1"], loaded.History[0].InvoiceNumbers!);
        Assert.Equal((CaseActionKinds.Reminder, "stage 2", ChannelKind.Telegram, "bot"), (loaded.History[0].Kind, loaded.History[0].Summary, loaded.History[0].Channel, loaded.History[0].Actor));
        Assert.Null(loaded.History[1].InvoiceNumbers);
        Assert.Null(loaded.History[1].Channel);
    }

    [Fact]
    public async Task An_agreement_keeps_its_schedule_and_its_decided_state()
    {
        var store = new LiteAgreementStore(context);
        var agreement = new PaymentAgreement
        {
            Id = "A-1", DebtorId = "D-1", Kind = AgreementKind.InstalmentPlan, InvoiceNumbers = ["RE-1", "RE-2"], Currency = "EUR",
            Schedule = [new Instalment(new DateOnly(2026, 3, 1), 100.005m) { PaidOn = new DateOnly(2026, 3, 2) }, new Instalment(new DateOnly(2026, 4, 1), 99.995m)],
            DiscountPercent = 2.5m, ValidUntil = new DateOnly(2026, 2, 28), CreatedAt = Samples.Moment, Breaks = 1, InterestRuns = false,
        };
        agreement.RequestApproval();
        agreement.Agree(Samples.Moment.AddHours(1), "staff:anna");
        await store.SaveAsync(agreement, ct);

        var loaded = (await store.FindAsync("A-1", ct))!;

        Assert.Equal((AgreementState.Active, Samples.Moment.AddHours(1), "staff:anna"), (loaded.State, loaded.DecidedAt!.Value, loaded.DecidedBy));
        Assert.Equal(agreement.Schedule, loaded.Schedule);
        Assert.Equal(200m, loaded.Amount);
        Assert.Equal((2.5m, new DateOnly(2026, 2, 28), 1, AgreementKind.InstalmentPlan), (loaded.DiscountPercent!.Value, loaded.ValidUntil!.Value, loaded.Breaks, loaded.Kind));
        Assert.Equal(["RE-1", "RE-2"], loaded.InvoiceNumbers);
        Assert.False(loaded.InterestRuns);
        loaded.MarkKept();
        Assert.Single(await store.ListByStateAsync(AgreementState.Active, ct));
        Assert.Single(await store.ListByDebtorAsync("D-1", ct));
    }

    [Fact]
    public async Task An_agreement_stored_as_Agreed_before_the_rename_reads_and_lists_as_active()
    {
        var store = new LiteAgreementStore(context);
        var legacy = new LiteDB.BsonDocument
        {
            ["_id"] = "A-old", ["DebtorId"] = "D-1", ["Kind"] = "Deferral", ["InvoiceNumbers"] = new LiteDB.BsonArray(new LiteDB.BsonValue("RE-1")),
            ["Currency"] = "EUR", ["DiscountPercent"] = LiteDB.BsonValue.Null, ["ValidUntil"] = LiteDB.BsonValue.Null, ["State"] = "Agreed",
            ["Schedule"] = new LiteDB.BsonArray(new LiteDB.BsonDocument { ["DueDate"] = "2026-03-01", ["Amount"] = 480m, ["PaidOn"] = LiteDB.BsonValue.Null }),
            ["CreatedAt"] = Samples.Moment.UtcTicks, ["DecidedAt"] = Samples.Moment.UtcTicks, ["DecidedBy"] = "bot", ["Breaks"] = 0, ["Version"] = 1,
        };
        context.Collection(LiteDbContext.Agreements).Insert(legacy);

        var loaded = (await store.FindAsync("A-old", ct))!;

        Assert.Equal((AgreementState.Active, true, (string?)null), (loaded.State, loaded.InterestRuns, loaded.ReplacedBy));
        Assert.Equal("A-old", Assert.Single(await store.ListByStateAsync(AgreementState.Active, ct)).Id);
        loaded.Supersede("A-new");
        await store.SaveAsync(loaded, ct);
        Assert.Empty(await store.ListByStateAsync(AgreementState.Active, ct));
        var superseded = Assert.Single(await store.ListByStateAsync(AgreementState.Superseded, ct));
        Assert.Equal("A-new", superseded.ReplacedBy);
    }

    [Fact]
    public async Task An_escalation_keeps_every_field_and_open_ones_list_most_urgent_first()
    {
        var store = new LiteEscalationStore(context);
        await store.SaveAsync(Escalation("E-1", EscalationPriority.Normal, Samples.Moment), ct);
        await store.SaveAsync(Escalation("E-2", EscalationPriority.Urgent, Samples.Moment.AddHours(1)), ct);
        var resolved = Escalation("E-3", EscalationPriority.Urgent, Samples.Moment);
        resolved.State = EscalationState.Resolved;
        resolved.ClosedAt = Samples.Moment.AddDays(1);
        await store.SaveAsync(resolved, ct);

        var loaded = (await store.FindAsync("E-3", ct))!;
        var open = await store.ListOpenAsync(ct);

        Assert.Equal((EscalationReason.Dispute, EscalationState.Resolved, "wrong amount", "telegram/42", "anna"), (loaded.Reason, loaded.State, loaded.Detail, loaded.ConversationKey, loaded.AssignedTo));
        Assert.Equal((Samples.Moment.AddHours(4), Samples.Moment.AddDays(1)), (loaded.RespondBy!.Value, loaded.ClosedAt!.Value));
        Assert.Equal(["RE-1"], loaded.InvoiceNumbers);
        Assert.Equal(["E-2", "E-1"], open.Select(e => e.Id));
        Assert.Equal(3, (await store.ListByDebtorAsync("D-1", ct)).Count);
    }

    private static Escalation Escalation(string id, EscalationPriority priority, DateTimeOffset raised) => new()
    {
        Id = id, DebtorId = "D-1", Reason = EscalationReason.Dispute, Priority = priority, RaisedAt = raised,
        RespondBy = Samples.Moment.AddHours(4), Detail = "wrong amount", InvoiceNumbers = ["RE-1"], ConversationKey = "telegram/42", AssignedTo = "anna",
    };

    public void Dispose() => context.Dispose();
}

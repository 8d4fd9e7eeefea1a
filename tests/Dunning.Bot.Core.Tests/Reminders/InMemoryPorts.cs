using System.Collections.Concurrent;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Core.Reminders;

namespace Dunning.Bot.Core.Tests.Reminders;

/// <summary>Small in-memory stores with the ports' versioning contract (the LiteDB ones are tested in the host tests).</summary>
internal sealed class InMemoryPorts : IDebtorStore, IInvoiceStore, ICaseStore, IConversationStore, IOutbox, IEscalationStore, IOwnerNotifier
{
    public readonly ConcurrentDictionary<string, Debtor> Debtors = new();
    public readonly ConcurrentDictionary<string, Invoice> Invoices = new();
    public readonly ConcurrentDictionary<string, DunningCase> Cases = new();
    public readonly ConcurrentDictionary<string, ConversationLink> Links = new();
    public readonly List<OutboxEntry> Outbox = [];
    public readonly List<Escalation> Escalations = [];
    public readonly List<OwnerAlert> Alerts = [];

    // Stores hand out copies of cases so that a caller's unsaved change never leaks into the "database".
    Task<Debtor?> IDebtorStore.FindAsync(string id, CancellationToken cancellationToken) => Task.FromResult(Debtors.GetValueOrDefault(id));
    public Task<Debtor?> FindByAccessCodeAsync(string accessCode, CancellationToken cancellationToken) => Task.FromResult(Debtors.Values.FirstOrDefault(d => d.AccessCode == accessCode));
    public Task<Debtor?> FindByLinkTokenAsync(string linkToken, CancellationToken cancellationToken) => Task.FromResult(Debtors.Values.FirstOrDefault(d => d.LinkToken == linkToken));
    Task<IReadOnlyList<Debtor>> IDebtorStore.ListAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<Debtor>>([.. Debtors.Values]);
    public Task SaveAsync(Debtor debtor, CancellationToken cancellationToken) { debtor.Version++; Debtors[debtor.Id] = debtor; return Task.CompletedTask; }

    Task<Invoice?> IInvoiceStore.FindAsync(string number, CancellationToken cancellationToken) => Task.FromResult(Invoices.GetValueOrDefault(number));
    Task<IReadOnlyList<Invoice>> IInvoiceStore.ListByDebtorAsync(string debtorId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Invoice>>([.. Invoices.Values.Where(i => i.DebtorId == debtorId)]);
    public Task SaveAsync(Invoice invoice, CancellationToken cancellationToken) { invoice.Version++; Invoices[invoice.Number] = invoice; return Task.CompletedTask; }
    public Task SaveBatchAsync(IReadOnlyList<Debtor> debtors, IReadOnlyList<Invoice> invoices, IReadOnlyList<DunningCase> cases, CancellationToken cancellationToken)
    {
        foreach (var d in debtors) Debtors[d.Id] = d;
        foreach (var i in invoices) Invoices[i.Number] = i;
        foreach (var c in cases) Cases[c.DebtorId] = Copy(c);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<Invoice>> FindManyAsync(IReadOnlyCollection<string> numbers, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Invoice>>([.. numbers.Select(n => Invoices.GetValueOrDefault(n)).OfType<Invoice>()]);

    Task<IReadOnlyList<Debtor>> IDebtorStore.FindManyAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Debtor>>([.. ids.Select(n => Debtors.GetValueOrDefault(n)).OfType<Debtor>()]);

    public Task<IReadOnlySet<string>> AccessCodesInUseAsync(IReadOnlyCollection<string> accessCodes, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlySet<string>>(accessCodes.Where(c => Debtors.Values.Any(d => d.AccessCode == c)).ToHashSet());

    Task<IReadOnlyList<DunningCase>> ICaseStore.FindManyAsync(IReadOnlyCollection<string> debtorIds, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<DunningCase>>([.. debtorIds.Select(n => Cases.GetValueOrDefault(n)).OfType<DunningCase>().Select(Copy)]);

    Task<DunningCase?> ICaseStore.FindAsync(string debtorId, CancellationToken cancellationToken) => Task.FromResult(Cases.TryGetValue(debtorId, out var c) ? Copy(c) : null);
    public Task<IReadOnlyList<DunningCase>> ListDueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<DunningCase>>([.. Cases.Values.Where(c => c.NextActionAt <= now).OrderBy(c => c.NextActionAt).Take(limit).Select(Copy)]);
    Task<IReadOnlyList<DunningCase>> ICaseStore.ListDueByDebtorAsync(DateTimeOffset now, string? afterDebtorId, int limit, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<DunningCase>>([.. Cases.Values.Where(c => c.NextActionAt <= now && (afterDebtorId is null || string.CompareOrdinal(c.DebtorId, afterDebtorId) > 0))
            .OrderBy(c => c.DebtorId, StringComparer.Ordinal).Take(limit).Select(Copy)]);
    Task<int> ICaseStore.CountAsync(DateTimeOffset? dueAt, int cap, CancellationToken cancellationToken) =>
        Task.FromResult(Math.Min(cap, Cases.Values.Count(c => dueAt is null || c.NextActionAt <= dueAt)));
    Task<IReadOnlyList<DunningCase>> ICaseStore.ListAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<DunningCase>>([.. Cases.Values.Select(Copy)]);
    public Task SaveAsync(DunningCase dunningCase, CancellationToken cancellationToken)
    {
        lock (Cases) Put(dunningCase);
        return Task.CompletedTask;
    }

    Task<ConversationLink?> IConversationStore.FindAsync(string key, CancellationToken cancellationToken) => Task.FromResult(Links.GetValueOrDefault(key));
    Task<IReadOnlyList<ConversationLink>> IConversationStore.ListByDebtorAsync(string debtorId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ConversationLink>>([.. Links.Values.Where(l => l.DebtorId == debtorId).OrderByDescending(l => l.LastInboundAt)]);
    public Task<IReadOnlyList<ConversationLink>> ListHandedOffAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ConversationLink>>([.. Links.Values.Where(l => l.Handoff != HandoffState.Bot)]);
    public Task SaveAsync(ConversationLink link, CancellationToken cancellationToken) { Links[link.Key] = link; return Task.CompletedTask; }

    public Task<bool> EnqueueAsync(OutboxEntry entry, DunningCase dunningCase, CancellationToken cancellationToken)
    {
        lock (Cases)
        {
            if (Outbox.Any(e => e.Key == entry.Key))
                return Task.FromResult(false);
            Put(dunningCase);
            Outbox.Add(entry);
            return Task.FromResult(true);
        }
    }

    public async Task<IReadOnlyList<bool>> CommitAsync(IReadOnlyList<PendingWrite> writes, CancellationToken cancellationToken)
    {
        var landed = new List<bool>();
        foreach (var w in writes)
        {
            try
            {
                landed.Add(w.Entry is null ? await SaveCaseAsync(w.Case) : await EnqueueAsync(w.Entry, w.Case, cancellationToken));
            }
            catch (ConcurrencyConflictException)
            {
                landed.Add(false);
            }
        }
        return landed;
    }

    private async Task<bool> SaveCaseAsync(DunningCase c)
    {
        await SaveAsync(c, CancellationToken.None);
        return true;
    }

    public Task<IReadOnlyList<OutboxEntry>> LeaseAsync(DateTimeOffset now, int limit, TimeSpan lease, CancellationToken cancellationToken) => throw new NotSupportedException();
    public Task<bool> CompleteAsync(OutboxEntry entry, DunningCase? dunningCase, CancellationToken cancellationToken) => throw new NotSupportedException();
    Task<OutboxEntry?> IOutbox.FindAsync(string key, CancellationToken cancellationToken) => Task.FromResult(Outbox.FirstOrDefault(e => e.Key == key));
    Task<IReadOnlyList<OutboxEntry>> IOutbox.ListByDebtorAsync(string debtorId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<OutboxEntry>>([.. Outbox.Where(e => e.DebtorId == debtorId)]);
    public Task<int> CountOpenAsync(CancellationToken cancellationToken) => Task.FromResult(Outbox.Count(e => e.IsOpen));
    public Task<DateTimeOffset?> NextAttemptAsync(CancellationToken cancellationToken) =>
        Task.FromResult(Outbox.Where(e => e.IsOpen).Select(e => (DateTimeOffset?)e.NextAttemptAt).Min());

    Task<Escalation?> IEscalationStore.FindAsync(string id, CancellationToken cancellationToken) => Task.FromResult(Escalations.FirstOrDefault(e => e.Id == id));
    public Task<IReadOnlyList<Escalation>> ListOpenAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<Escalation>>([.. Escalations.Where(e => e.State != EscalationState.Resolved)]);
    Task<IReadOnlyList<Escalation>> IEscalationStore.ListByDebtorAsync(string debtorId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Escalation>>([.. Escalations.Where(e => e.DebtorId == debtorId)]);
    public Task SaveAsync(Escalation escalation, CancellationToken cancellationToken) { Escalations.Add(escalation); return Task.CompletedTask; }

    public Task NotifyAsync(OwnerAlert alert, CancellationToken cancellationToken) { Alerts.Add(alert); return Task.CompletedTask; }

    /// <summary>Simulates the dispatcher: the open entry was delivered at <paramref name="at"/>.</summary>
    public void Deliver(DateTimeOffset at)
    {
        foreach (var entry in Outbox.Where(e => e.IsOpen).ToList())
        {
            entry.Status = OutboxStatus.Sent;
            entry.SentAt = at;
            var c = Cases[entry.DebtorId];
            c.Record(new CaseAction(at, CaseActionKinds.Reminder, entry.MessageKey, entry.Channel, entry.InvoiceNumbers, "schedule"));
            c.LastContactAt = at;
        }
    }

    private void Put(DunningCase dunningCase)
    {
        var stored = Cases.GetValueOrDefault(dunningCase.DebtorId);
        if ((stored?.Version ?? 0) != dunningCase.Version)
            throw new ConcurrencyConflictException($"case {dunningCase.DebtorId}: expected version {dunningCase.Version}, found {stored?.Version}");
        dunningCase.Version++;
        Cases[dunningCase.DebtorId] = Copy(dunningCase);
    }

    private static DunningCase Copy(DunningCase c)
    {
        var copy = new DunningCase { DebtorId = c.DebtorId, NextActionAt = c.NextActionAt, LastContactAt = c.LastContactAt, History = [.. c.History], Version = c.Version };
        foreach (var (k, v) in c.Stages) copy.Stages[k] = v;
        return copy;
    }
}

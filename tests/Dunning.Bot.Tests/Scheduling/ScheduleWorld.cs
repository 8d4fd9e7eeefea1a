using Dunning.Bot.Channels;
using Dunning.Bot.Conversations;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Core.Reminders;
using Dunning.Bot.Scheduling;
using Dunning.Bot.Storage;
using Dunning.Bot.Tests.Storage;
using Microsoft.Extensions.Configuration;
using Dunning.Bot.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Dunning.Bot.Tests.Scheduling;

/// <summary>The schedule's real services over a real LiteDB temp file, a fake clock and a fake Telegram channel.</summary>
internal sealed class ScheduleWorld : IDisposable
{
    private readonly TempDatabase database = new();
    private readonly ServiceProvider services;

    public ScheduleWorld(string start = "2026-03-10T09:00:00+01:00", Dictionary<string, string?>? settings = null,
        IProactiveChannel? channel = null)
    {
        Clock = new FakeTimeProvider(DateTimeOffset.Parse(start, System.Globalization.CultureInfo.InvariantCulture));
        var values = new Dictionary<string, string?> { ["Storage:Path"] = database.Path, ["Scheduling:Enabled"] = "false" };
        foreach (var (k, v) in settings ?? [])
            values[k] = v;
        var builder = DunningServices.Builder(new ConfigurationBuilder().AddInMemoryCollection(values).Build());
        builder.AddDunningServices().AddDunningScheduling();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock));
        builder.Services.AddSingleton(channel ?? Channel);
        services = builder.Services.BuildServiceProvider();
    }

    public FakeTimeProvider Clock { get; }

    public FakeChannel Channel { get; } = new();

    public T Get<T>() where T : notnull => services.GetRequiredService<T>();

    /// <summary>A service the schedule does not register itself (e.g. the dialogs' AgreementDesk), built from its services.</summary>
    public T Create<T>(params object[] parameters) where T : notnull => ActivatorUtilities.CreateInstance<T>(services, parameters);

    public IOutbox Outbox => Get<IOutbox>();

    public ICaseStore Cases => Get<ICaseStore>();

    public ScheduleSweep Sweep => Get<ScheduleSweep>();

    public OutboxDispatcher Dispatcher => Get<OutboxDispatcher>();

    public DateTimeOffset Now => Clock.GetUtcNow();

    public async Task<Debtor> AddDebtorAsync(string id, string due = "2026-03-05", decimal total = 500m, string language = "de")
    {
        var debtor = new Debtor { Id = id, Name = "Kunde " + id, Language = language, AccessCode = "AC" + id, LinkToken = "LT" + id };
        debtor.Reach(ChannelKind.Telegram, "chat-" + id);
        var dueDate = DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture);
        var invoice = Invoice.Create("RE-" + id, id, dueDate.AddDays(-14), dueDate, "EUR", total);
        await Get<IInvoiceStore>().SaveBatchAsync([debtor], [invoice], [], CancellationToken.None);
        var link = new ConversationLink
        {
            Key = ConversationLink.KeyFor(ChannelKind.Telegram, "chat-" + id),
            Channel = ChannelKind.Telegram,
            Reference = new ConversationReference { ChannelId = ChannelKind.Telegram, Conversation = new ConversationAccount { Id = "chat-" + id } },
            Language = language,
            LastInboundAt = Now.AddDays(-20),
        };
        link.LinkTo(id, Now.AddDays(-20));
        await Get<IConversationStore>().SaveAsync(link, CancellationToken.None);
        await Cases.TouchAsync(id, Now, CancellationToken.None);
        return debtor;
    }

    public Task<Invoice?> InvoiceAsync(string number) => Get<IInvoiceStore>().FindAsync(number, CancellationToken.None);

    public async Task<DunningCase> CaseAsync(string id) => (await Cases.FindAsync(id, CancellationToken.None))!;

    public async Task<OutboxEntry> SingleEntryAsync(string debtorId) => Assert.Single(await Outbox.ListByDebtorAsync(debtorId, CancellationToken.None));

    public void Dispose()
    {
        services.Dispose();
        database.Dispose();
    }
}

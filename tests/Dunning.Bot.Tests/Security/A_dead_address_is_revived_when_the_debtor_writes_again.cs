using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Tests.EndToEnd;
using Microsoft.Extensions.DependencyInjection;

namespace Dunning.Bot.Tests.Security;

/// <summary>
/// An address marked dead (a send failed for good) is not a verdict for ever: when the debtor writes from it again,
/// reminders may use it again.
/// </summary>
public sealed class A_dead_address_is_revived_when_the_debtor_writes_again : IDisposable
{
    private readonly Infrastructure.BotHost host = EndToEndHost.Start(EndToEndHost.NewClock());

    [Fact]
    public async Task A_message_from_the_dead_web_chat_revives_it()
    {
        using var owner = host.Owner();
        var erika = await owner.DebtorWithInvoiceAsync("K-300", "Erika Mustermann", "de", "RE-2026-300", 90m);
        var chat = await WebChatter.OpenAsync(host.CreateHttpClient());
        Assert.NotEmpty(await chat.JoinAsync(erika.LinkToken, "de-DE"));
        var debtors = host.Services.GetRequiredService<IDebtorStore>();
        await debtors.UpdateAsync(erika.Id, d =>
        {
            d.Contact(ChannelKind.WebChat)!.DeadSince = EndToEndHost.Now;
            d.Contact(ChannelKind.WebChat)!.DeadReason = "conversation gone";
        }, CancellationToken.None);

        Assert.NotEmpty(await chat.SayAsync("Hallo, ich bin wieder da."));

        var contact = (await debtors.FindAsync(erika.Id, CancellationToken.None))!.Contact(ChannelKind.WebChat)!;
        Assert.Equal((null, null, true), (contact.DeadSince, contact.DeadReason, contact.CanReceiveProactive));
    }

    public void Dispose() => host.Dispose();
}

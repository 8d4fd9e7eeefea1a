using System.Net;
using System.Net.Http.Json;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Core.Reminders;
using Dunning.Bot.Staff.Live;
using Dunning.Bot.Tests.EndToEnd;

namespace Dunning.Bot.Tests.Channels.Email;

/// <summary>
/// A reminder e-mail that the server accepted but that came back as a bounce report did not arrive: the address is marked
/// dead, and the same stage goes out again on another channel that can deliver — or, with none, the debtor is listed as
/// unreachable. Against the real mail server, with the host's web chat as the other channel.
/// </summary>
public sealed class Bounced_reminders_go_again_elsewhere(MailServer server) : IClassFixture<MailServer>
{
    [MailServerFact]
    public async Task A_bounced_reminder_is_sent_again_at_the_same_stage_in_the_debtors_web_chat()
    {
        using var world = new EmailWorld(server);
        await world.DebtorAsync("K-800", "Umzug GmbH", "alt@umzug.test", number: "RE-2026-0800");
        var chat = await WebChatter.OpenAsync(world.Host.CreateHttpClient());
        Assert.NotEmpty(await chat.JoinAsync((await world.DebtorAsync("K-800")).LinkToken, "de-DE"));
        await PreferEmailAsync(world, "K-800", "Umzug GmbH", "alt@umzug.test");
        await world.RemindAsync();
        var first = await ReminderAsync(world, "K-800");
        Assert.Equal(ChannelKind.Email, first.Channel);
        var stage = Assert.Single(first.Items).Stage;
        var mail = Assert.Single(await RemindersByEmail.MailTo(world, "alt@umzug.test", 1));

        var bounce = ConversationsByEmail.Dsn(mail, "alt@umzug.test", "5.1.1", "smtp; 550 5.1.1 User unknown");
        await server.SendAsync(bounce);
        Assert.Equal("bounce", await ConversationsByEmail.HandledAsync(world, bounce));

        var undone = (await world.Get<IOutbox>().ListByDebtorAsync("K-800", CancellationToken.None)).Single(e => e.Id == first.Id);
        Assert.Equal((OutboxStatus.Dead, null), (undone.Status, undone.DeliveredAt));
        var dunningCase = (await world.Get<ICaseStore>().FindAsync("K-800", CancellationToken.None))!;
        Assert.Equal(Assert.Single(first.Items).PreviousStage, dunningCase.StageOf("RE-2026-0800"));
        Assert.DoesNotContain(dunningCase.History, a => a.Kind is CaseActionKinds.Reminder or CaseActionKinds.Delivered && a.Channel == ChannelKind.Email);
        Assert.Equal(2, dunningCase.History.Count(a => a.Kind == CaseActionKinds.Bounced));

        var again = await world.RemindAsync();

        Assert.Equal(1, again.Sent);
        var second = (await world.Get<IOutbox>().ListByDebtorAsync("K-800", CancellationToken.None)).Single(e => e.Kind == OutboxKinds.Reminder && e.Id != first.Id);
        Assert.Equal((ChannelKind.WebChat, stage), (second.Channel, Assert.Single(second.Items).Stage));
        Assert.Contains("RE-2026-0800", await chat.NextReplyAsync(TimeSpan.FromSeconds(10)), StringComparison.Ordinal);
        Assert.Single(await RemindersByEmail.MailTo(world, "alt@umzug.test", 1));
    }

    [MailServerFact]
    public async Task A_debtor_whose_only_address_bounced_is_listed_as_unreachable_and_a_repeated_bounce_changes_nothing()
    {
        using var world = new EmailWorld(server);
        await world.DebtorAsync("K-801", "Nur Mail GmbH", "nur@nurmail.test", number: "RE-2026-0801");
        await world.RemindAsync();
        var mail = Assert.Single(await RemindersByEmail.MailTo(world, "nur@nurmail.test", 1));
        var bounce = ConversationsByEmail.Dsn(mail, "nur@nurmail.test", "5.1.1", "smtp; 550 5.1.1 User unknown");
        await server.SendAsync(bounce);
        Assert.Equal("bounce", await ConversationsByEmail.HandledAsync(world, bounce));
        var history = (await world.Get<ICaseStore>().FindAsync("K-801", CancellationToken.None))!.History.Count;

        var again = await world.RemindAsync();
        var twice = ConversationsByEmail.Dsn(mail, "nur@nurmail.test", "5.1.1", "smtp; 550 5.1.1 User unknown");
        await server.SendAsync(twice);
        Assert.Equal("bounce", await ConversationsByEmail.HandledAsync(world, twice));

        Assert.Equal(0, again.Sent);
        var unreachable = Assert.Single(await world.Get<UnreachableDebtors>().ListAsync(CancellationToken.None));
        Assert.Equal("K-801", unreachable.DebtorId);
        Assert.Equal([ChannelKind.Email], unreachable.Dead);
        var after = (await world.Get<ICaseStore>().FindAsync("K-801", CancellationToken.None))!.History;
        Assert.Equal(2, after.Count(a => a.Kind == CaseActionKinds.Suppressed && a.Summary.Contains("bounced", StringComparison.Ordinal)));
        Assert.True(after.Count <= history + 1, "the second report about the same message undoes nothing more");
        Assert.Single(await RemindersByEmail.MailTo(world, "nur@nurmail.test", 1));
    }

    private static async Task PreferEmailAsync(EmailWorld world, string id, string name, string email)
    {
        using var put = await world.Http.PutAsJsonAsync($"/api/v1/debtors/{id}", new
        {
            name, kind = "business", language = "de", timeZone = "Europe/Berlin", country = "DE", email, preferredChannel = "email",
        });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
    }

    private static async Task<OutboxEntry> ReminderAsync(EmailWorld world, string debtorId) =>
        (await world.Get<IOutbox>().ListByDebtorAsync(debtorId, CancellationToken.None)).Where(e => e.Kind == OutboxKinds.Reminder).MaxBy(e => e.CreatedAt)!;
}

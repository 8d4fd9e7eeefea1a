using System.Net;
using System.Text.Json.Nodes;
using Dunning.Bot.Channels;
using Dunning.Bot.Conversations;
using Dunning.Bot.Core.Chat;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;
using Dunning.Bot.Tests.Channels.Teams;
using Microsoft.Extensions.DependencyInjection;

namespace Dunning.Bot.Tests.EndToEnd;

/// <summary>
/// DunningBot on Teams: signed Bot Connector requests (JWTs from the fake identity service, validated by the host) to
/// /api/messages, replies to the fake Bot Connector, LiteDB in a temp folder that a restarted host reopens.
/// </summary>
public sealed class The_real_bot_over_teams : IAsyncLifetime
{
    private readonly string data = Directory.CreateTempSubdirectory("dunning-e2e-teams-").FullName;
    private TeamsChannelHarness teams = null!;
    private SeededDebtor debtor = null!;

    public async Task InitializeAsync()
    {
        teams = await TeamsChannelHarness.StartWithRealBotAsync(data, EndToEndHost.Settings());
        using var owner = teams.Host.Owner();
        debtor = await owner.DebtorWithInvoiceAsync("K-400", "Jane Doe", "en", "RE-2026-400", 1200m);
    }

    [Fact]
    public async Task The_access_code_links_a_personal_chat_where_questions_card_submits_and_expect_replies_work()
    {
        var greeting = await SayAsync(debtor.AccessCode);
        Assert.StartsWith("Hello Jane Doe, thank you for getting in touch. Your chat is now linked to your customer account.", Text(greeting), StringComparison.Ordinal);
        var link = await LinkAsync();
        Assert.Equal(debtor.Id, link!.DebtorId);

        var balance = await SayAsync("How much do I still owe?");
        Assert.Contains("RE-2026-400", Text(balance), StringComparison.Ordinal);
        Assert.Contains("€1,200.00", Text(balance), StringComparison.Ordinal);

        var offer = await SayAsync("Can I pay in 12 instalments?");
        Assert.StartsWith("I can agree to at most 6 instalments myself.", Text(offer), StringComparison.Ordinal);
        // One message per answer: the text with suggested actions, no card repeating them.
        Assert.True(offer["attachments"] is null || offer["attachments"]!.AsArray().Count == 0);
        var actions = offer["suggestedActions"]!["actions"]!.AsArray();
        var each = OpenClaim.FirstInstalment(await OpenClaim.OfAsync(teams.Host.Services, debtor.Id), 6);
        Assert.StartsWith($"6 instalments of {OpenClaim.Euros(each, "en")} from ", (string?)actions[0]!["title"], StringComparison.Ordinal);
        Assert.Equal("Ask a colleague", (string?)actions[^1]!["title"]);

        var forged = await SendAsync(Submit("12 instalments of €100.00 from 1 December 2026"));
        Assert.Equal("Please choose one of the options, or \"ask a colleague\".", Text(forged));
        Assert.Empty(await teams.Host.Services.GetRequiredService<IAgreementStore>().ListByDebtorAsync(debtor.Id, CancellationToken.None));

        var confirm = await SayAsync((string)actions[0]!["value"]!);
        Assert.EndsWith("Shall I record it like that?", Text(confirm), StringComparison.Ordinal);
        Assert.Empty(await teams.Host.Services.GetRequiredService<IAgreementStore>().ListByDebtorAsync(debtor.Id, CancellationToken.None));
        var yes = confirm["suggestedActions"]!["actions"]!.AsArray()[0]!;
        var agreed = await SayAsync((string)yes["value"]!);
        Assert.StartsWith("Agreed for invoice RE-2026-400.", Text(agreed), StringComparison.Ordinal);
        var agreement = Assert.Single(await teams.Host.Services.GetRequiredService<IAgreementStore>().ListByDebtorAsync(debtor.Id, CancellationToken.None));
        Assert.Equal((AgreementState.Active, AgreementKind.InstalmentPlan, 6), (agreement.State, agreement.Kind, agreement.Schedule.Count));

        var sentBefore = teams.Sent.Count;
        var expect = Personal("What are your bank details?");
        expect["deliveryMode"] = "expectReplies";
        using var response = await teams.PostAsync(expect);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var replies = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["activities"]!.AsArray();
        var details = Assert.Single(replies)!;
        Assert.Contains("DE89 3704 0044 0532 0130 00", Text(details), StringComparison.Ordinal);
        Assert.Contains(details["attachments"]!.AsArray(), a => (string?)a!["contentType"] == "image/png");
        Assert.Equal(sentBefore, teams.Sent.Count);
    }

    [Fact]
    public async Task After_a_restart_a_proactive_message_reaches_the_linked_chat_through_the_stored_reference()
    {
        await SayAsync(debtor.AccessCode);

        teams = await teams.RestartAsync();
        var link = await LinkAsync();
        var channel = Assert.Single(teams.Host.Services.GetServices<IProactiveChannel>(), c => c.ChannelId == ChannelKind.Teams);
        var result = await channel.SendAsync(link!.Reference!, [Activity.CreateMessage("Reminder: invoice RE-2026-400 is still open.")], CancellationToken.None);

        Assert.Equal(DeliveryStatus.Delivered, result.Status);
        var sent = teams.Sent[^1];
        Assert.Equal($"/v3/conversations/{link.Reference!.Conversation!.Id}/activities", Uri.UnescapeDataString(sent.Path));
        Assert.Equal("Reminder: invoice RE-2026-400 is still open.", (string?)sent.Json!["text"]);
        Assert.StartsWith("Bearer connector-token-", sent.Authorization, StringComparison.Ordinal);
    }

    /// <summary>A personal-chat message from the fixture user (English Teams client).</summary>
    private JsonObject Personal(string? text = null)
    {
        var message = teams.Fixture("teams-message-personal-tenant.json");
        message["id"] = Guid.NewGuid().ToString("N");
        if (text is not null)
            message["text"] = text;
        return message;
    }

    /// <summary>What Teams posts when a card's Action.Submit is pressed: no text, the action's data as the value.</summary>
    private JsonObject Submit(string choice)
    {
        var submit = Personal();
        submit.Remove("text");
        submit["value"] = new JsonObject { ["choice"] = choice };
        return submit;
    }

    private Task<JsonNode> SayAsync(string text) => SendAsync(Personal(text));

    /// <summary>Posts a signed activity and returns the one reply the bot sent to the connector for it.</summary>
    private async Task<JsonNode> SendAsync(JsonObject activity)
    {
        var before = teams.Sent.Count;
        using var response = await teams.PostAsync(activity);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Assert.Single(teams.Sent.Skip(before)).Json!;
    }

    private static string Text(JsonNode activity) => (string?)activity["text"] ?? "";

    private Task<ConversationLink?> LinkAsync()
    {
        var conversation = (string)teams.Fixture("teams-message-personal-tenant.json")["conversation"]!["id"]!;
        return teams.Host.Services.GetRequiredService<IConversationStore>().FindAsync($"msteams/{conversation}", CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await teams.DisposeAsync();
        try
        {
            Directory.Delete(data, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a stopping thread; the OS cleans the temp folder.
        }
    }
}

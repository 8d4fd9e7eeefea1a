using System.Text.Json.Nodes;
using Dunning.Bot.Channels;
using Dunning.Bot.Channels.Teams;
using Dunning.Bot.Conversations;
using Dunning.Bot.Core.Domain;
using Dunning.Bot.Core.Ports;
using Microsoft.Extensions.DependencyInjection;

namespace Dunning.Bot.Tests.Channels.Teams;

/// <summary>The proactive path (IProactiveChannel "msteams"), 1:1 creation and owner alerts, against the fake connector.</summary>
public sealed class Proactive_messages_on_teams : IAsyncLifetime
{
    private readonly string data = Directory.CreateTempSubdirectory("dunning-teams-").FullName;
    private TeamsChannelHarness teams = null!;

    public async Task InitializeAsync() => teams = await TeamsChannelHarness.StartAsync(data);

    public async Task DisposeAsync()
    {
        await teams.DisposeAsync();
        Directory.Delete(data, recursive: true);
    }

    private IProactiveChannel Channel(TeamsChannelHarness host) =>
        Assert.Single(host.Host.Services.GetServices<IProactiveChannel>(), c => c.ChannelId == "msteams");

    /// <summary>The reference the bot would store: taken from a real inbound message (which also trusts its serviceUrl).</summary>
    private async Task<ConversationReference> ReferenceFromInboundAsync()
    {
        using var response = await teams.PostAsync(teams.Fixture("teams-message-personal-tenant.json"));
        response.EnsureSuccessStatusCode();
        return teams.Bot.Turns[^1].GetConversationReference();
    }

    [Fact]
    public async Task A_reminder_after_a_restart_goes_out_through_the_stored_reference_with_the_connector_token()
    {
        // What the bot keeps in the ConversationLink: the reference as JSON in LiteDB.
        var stored = System.Text.Json.JsonSerializer.Serialize(await ReferenceFromInboundAsync(), ActivityJson.Options);

        teams = await teams.RestartAsync();
        var reference = System.Text.Json.JsonSerializer.Deserialize<ConversationReference>(stored, ActivityJson.Options)!;
        var result = await Channel(teams).SendAsync(reference, [Activity.CreateMessage("Reminder")], default);

        Assert.Equal(DeliveryStatus.Delivered, result.Status);
        Assert.Empty(teams.Bot.Turns);
        var sent = teams.Connector.Requests[^1];
        Assert.Equal("/v3/conversations/" + reference.Conversation!.Id + "/activities", Uri.UnescapeDataString(sent.Path));
        Assert.Null(sent.ReplyToId);
        Assert.StartsWith("Bearer connector-token-", sent.Authorization, StringComparison.Ordinal);
        Assert.Equal("Reminder", (string?)sent.Json!["text"]);
        Assert.Equal("28:5baea8d1-d4ea-43a1-b101-882f4c8d9cb4", (string?)sent.Json["from"]!["id"]);
        Assert.Equal("29:1Xv-kvy4dKirR0rZfSF_kAVUzotoT1SXuEzkC9XGkuZng8YBw8qyu5uh4128fQRjlGgvEiRLx-0XP4KYMwcgdZw", (string?)sent.Json["recipient"]!["id"]);
    }

    [Fact]
    public async Task A_trusted_serviceUrl_survives_a_restart_over_the_same_database_file()
    {
        var reference = await ReferenceFromInboundAsync();

        teams = await teams.RestartAsync();
        _ = teams.Client;

        var trusted = teams.Host.Services.GetRequiredService<TrustedServiceUrls>();
        Assert.True(trusted.IsTrusted(reference.ServiceUrl));
        Assert.False(trusted.IsTrusted("https://attacker.example/"));
        Assert.Contains(TrustedServiceUrls.Normalize(teams.ServiceUrl), teams.Host.Services.GetRequiredService<ITeamsStore>().LoadTrustedServiceUrls());
    }

    [Fact]
    public async Task The_owner_binding_survives_a_restart()
    {
        var code = teams.Fixture("teams-message.json");
        code["text"] = TeamsChannelHarness.OwnerCode;
        code["locale"] = "de-DE";
        using var response = await teams.PostAsync(code);

        teams = await teams.RestartAsync();
        _ = teams.Client;
        await teams.Host.Services.GetRequiredService<IOwnerNotifier>().NotifyAsync(new OwnerAlert("D-1", "Muster GmbH",
            EscalationReason.RequestHuman, EscalationPriority.High, "asks for a call", "E-7", TimeProvider.System.GetUtcNow()), default);

        var alert = teams.Connector.Requests[^1];
        Assert.Contains("Wichtig", (string?)alert.Json!["text"], StringComparison.Ordinal);
        Assert.Equal(teams.Connector.Requests[0].ConversationId, alert.ConversationId);
    }

    [Theory]
    [InlineData(429, DeliveryStatus.RetryLater)]
    [InlineData(500, DeliveryStatus.RetryLater)]
    [InlineData(503, DeliveryStatus.RetryLater)]
    [InlineData(403, DeliveryStatus.Dead)]
    [InlineData(404, DeliveryStatus.Dead)]
    public async Task Each_connector_failure_maps_to_one_outcome_after_exactly_one_attempt(int status, DeliveryStatus expected)
    {
        var reference = await ReferenceFromInboundAsync();
        var before = teams.Connector.Requests.Count;
        teams.Connector.FailNext(status, status == 429 ? TimeSpan.FromSeconds(7) : null);

        var result = await Channel(teams).SendAsync(reference, [Activity.CreateMessage("Reminder")], default);

        Assert.Equal(expected, result.Status);
        Assert.Equal(before + 1, teams.Connector.Requests.Count);
        if (status == 429)
            Assert.Equal(TimeSpan.FromSeconds(7), result.RetryAfter);
    }

    [Fact]
    public async Task A_reference_with_an_untrusted_serviceUrl_is_refused_and_nothing_is_sent()
    {
        var reference = await ReferenceFromInboundAsync();
        reference.ServiceUrl = "https://attacker.example/teams/";
        var before = teams.Connector.Requests.Count;

        var result = await Channel(teams).SendAsync(reference, [Activity.CreateMessage("Reminder")], default);

        Assert.Equal(DeliveryStatus.Dead, result.Status);
        Assert.Contains("untrusted", result.Detail, StringComparison.Ordinal);
        Assert.Equal(before, teams.Connector.Requests.Count);
    }

    [Fact]
    public async Task Sending_beyond_the_conversations_burst_is_held_back_locally_as_retry_later()
    {
        var reference = await ReferenceFromInboundAsync();
        var channel = Channel(teams);
        var outcomes = new List<DeliveryResult>();
        for (var i = 0; i < 8; i++)
            outcomes.Add(await channel.SendAsync(reference, [Activity.CreateMessage($"m{i}")], default));

        // The inbound reply used one permit: six more go out, then the bot holds back instead of provoking a 429.
        Assert.Equal(6, outcomes.Count(o => o.Status == DeliveryStatus.Delivered));
        Assert.Equal(DeliveryStatus.RetryLater, outcomes[^1].Status);
        Assert.NotNull(outcomes[^1].RetryAfter);
        Assert.Equal(7, teams.Connector.Requests.Count);
    }

    [Fact]
    public async Task A_one_to_one_conversation_is_created_for_a_user_who_installed_but_never_wrote()
    {
        using var install = await teams.PostAsync(teams.Fixture("teams-installation-update-add.json"));
        var channel = teams.Host.Services.GetRequiredService<TeamsProactiveChannel>();

        var started = await channel.CreatePersonalConversationAsync(teams.ServiceUrl, "72f988bf-86f1-41af-91ab-2d7cd011db47", "29:new-user", default);

        Assert.Equal(DeliveryStatus.Delivered, started.Outcome.Status);
        var create = Assert.Single(teams.Connector.Requests, r => r.Path == "/v3/conversations");
        Assert.Equal("29:new-user", (string?)create.Json!["members"]![0]!["id"]);
        Assert.Equal("72f988bf-86f1-41af-91ab-2d7cd011db47", (string?)create.Json["tenantId"]);
        Assert.Equal($"28:{TeamsChannelHarness.AppId}", (string?)create.Json["bot"]!["id"]);
        Assert.False((bool)create.Json["isGroup"]!);
        Assert.StartsWith("Bearer ", create.Authorization, StringComparison.Ordinal);

        var sent = await channel.SendAsync(started.Reference!, [Activity.CreateMessage("Hello")], default);
        Assert.Equal(DeliveryStatus.Delivered, sent.Status);
        Assert.Equal(started.Reference!.Conversation!.Id, teams.Connector.Requests[^1].ConversationId);
    }

    [Fact]
    public async Task Creating_a_conversation_on_an_untrusted_serviceUrl_is_refused()
    {
        var channel = teams.Host.Services.GetRequiredService<TeamsProactiveChannel>();
        _ = teams.Client;

        var started = await channel.CreatePersonalConversationAsync("https://attacker.example/", "tenant", "29:user", default);

        Assert.Equal(DeliveryStatus.Dead, started.Outcome.Status);
        Assert.Null(started.Reference);
        Assert.Empty(teams.Connector.Requests);
    }

    [Fact]
    public async Task The_owner_link_code_binds_the_owners_chat_and_alerts_then_arrive_there()
    {
        var code = teams.Fixture("teams-message.json");
        code["text"] = $"  {TeamsChannelHarness.OwnerCode} ";
        code["locale"] = "en-US";

        using var response = await teams.PostAsync(code);

        Assert.Empty(teams.Bot.Turns);
        var confirmation = Assert.Single(teams.Connector.Requests);
        Assert.Contains("escalation alerts", (string?)confirmation.Json!["text"], StringComparison.Ordinal);

        var notifier = teams.Host.Services.GetRequiredService<IOwnerNotifier>();
        await notifier.NotifyAsync(new OwnerAlert("D-1", "Muster GmbH", EscalationReason.Dispute, EscalationPriority.Urgent,
            "disputes invoice R-2024-001", "E-42", TimeProvider.System.GetUtcNow()), default);

        var alert = teams.Connector.Requests[^1];
        Assert.Equal(confirmation.ConversationId, alert.ConversationId);
        var text = (string?)alert.Json!["text"];
        Assert.Contains("URGENT", text, StringComparison.Ordinal);
        Assert.Contains("Muster GmbH", text, StringComparison.Ordinal);
        Assert.Contains("E-42", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_bound_owner_an_alert_sends_nothing_and_a_wrong_code_is_just_a_message_for_the_bot()
    {
        var wrong = teams.Fixture("teams-message.json");
        wrong["text"] = TeamsChannelHarness.OwnerCode + "x";
        using var response = await teams.PostAsync(wrong);
        var before = teams.Connector.Requests.Count;

        await teams.Host.Services.GetRequiredService<IOwnerNotifier>().NotifyAsync(new OwnerAlert("D-1", "Muster GmbH",
            EscalationReason.Dispute, EscalationPriority.Normal, "x", null, TimeProvider.System.GetUtcNow()), default);

        Assert.Single(teams.Bot.Turns);
        Assert.Equal(before, teams.Connector.Requests.Count);
        Assert.Null(teams.Host.Services.GetRequiredService<ITeamsStore>().FindOwner());
    }

    [Fact]
    public async Task The_owner_code_in_a_channel_does_not_bind_it()
    {
        var channelMessage = teams.Fixture("teams-channel-message-with-mention.json");
        channelMessage["text"] = "<at>SongsuggesterBot</at> " + TeamsChannelHarness.OwnerCode;

        using var response = await teams.PostAsync(channelMessage);

        Assert.Single(teams.Bot.Turns);
        Assert.Null(teams.Host.Services.GetRequiredService<ITeamsStore>().FindOwner());
    }
}

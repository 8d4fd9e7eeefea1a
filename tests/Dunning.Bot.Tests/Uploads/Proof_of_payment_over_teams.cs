using System.Net;
using System.Text.Json.Nodes;
using Dunning.Bot.Tests.Channels.Teams;
using Dunning.Bot.Tests.EndToEnd;
using Dunning.Bot.Uploads;
using Microsoft.Extensions.DependencyInjection;

namespace Dunning.Bot.Tests.Uploads;

/// <summary>
/// Files on Teams, from the documented payloads (fixtures): a shared file is fetched from its downloadUrl without the
/// bot's token, a pasted image from the Bot Connector with it; a URL anywhere else gets no token and nothing is kept.
/// </summary>
public sealed class Proof_of_payment_over_teams : IAsyncLifetime
{
    private readonly string data = Directory.CreateTempSubdirectory("dunning-uploads-teams-").FullName;
    private TeamsChannelHarness teams = null!;
    private SeededDebtor debtor = null!;

    public async Task InitializeAsync()
    {
        teams = await TeamsChannelHarness.StartWithRealBotAsync(data, EndToEndHost.Settings());
        using var owner = teams.Host.Owner();
        debtor = await owner.DebtorWithInvoiceAsync("K-800", "Jane Doe", "en", "RE-2026-800", 1200m);
        await SendAsync(Personal(debtor.AccessCode), 1);
        var asked = await SendAsync(Personal("I paid 1200 euros yesterday"), 3);
        Assert.Contains("transfer confirmation", Text(asked[^1]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_shared_file_is_fetched_from_its_download_url_without_the_bots_token_and_kept()
    {
        var message = teams.Fixture("teams-message-file-download-info.json");
        var url = teams.Connector.AddSharedFile("Ueberweisung.pdf", SampleFiles.Pdf);
        message["attachments"]![0]!["content"]!["downloadUrl"] = url.ToString();

        var thanks = Assert.Single(await SendAsync(message, 1));

        Assert.Contains("(Ueberweisung.pdf)", Text(thanks), StringComparison.Ordinal);
        var proof = Assert.Single(await Proofs.ListAsync(debtor.Id, CancellationToken.None));
        Assert.Equal(("application/pdf", "msteams"), (proof.ContentType, proof.Channel));
        Assert.Null(Assert.Single(teams.Connector.Downloads).Authorization);
    }

    [Fact]
    public async Task A_pasted_image_is_fetched_from_the_connector_with_the_bots_token_and_kept()
    {
        var message = teams.Fixture("teams-message-inline-image.json");
        message["attachments"]![0]!["contentUrl"] = teams.Connector.AddInlineImage(SampleFiles.Png).ToString();

        var thanks = Assert.Single(await SendAsync(message, 1));

        Assert.Contains("transfer confirmation (image)", Text(thanks), StringComparison.Ordinal);
        var proof = Assert.Single(await Proofs.ListAsync(debtor.Id, CancellationToken.None));
        Assert.Equal(("image/png", "image.png"), (proof.ContentType, proof.DownloadName));
        Assert.StartsWith("Bearer connector-token-", Assert.Single(teams.Connector.Downloads).Authorization, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_image_url_outside_the_conversations_service_never_gets_the_token_and_nothing_is_kept()
    {
        var message = teams.Fixture("teams-message-inline-image.json");
        message["attachments"]![0]!["contentUrl"] = "http://127.0.0.2:9/v3/attachments/stolen/views/original";
        message["text"] = "";

        var replies = await SendAsync(message, 1);

        Assert.DoesNotContain(replies, r => Text(r).Contains("received your transfer confirmation", StringComparison.Ordinal));
        Assert.Empty(teams.Connector.Downloads);
        Assert.Empty(await Proofs.ListAsync(debtor.Id, CancellationToken.None));
    }

    [Fact]
    public async Task A_shared_file_that_is_no_pdf_is_refused_and_nothing_kept()
    {
        var message = teams.Fixture("teams-message-file-download-info.json");
        message["attachments"]![0]!["content"]!["downloadUrl"] = teams.Connector.AddSharedFile("Ueberweisung.pdf", SampleFiles.FakePdf).ToString();

        var replies = await SendAsync(message, 2);

        Assert.StartsWith("This file is not what its name or type says", Text(replies[0]), StringComparison.Ordinal);
        Assert.Empty(await Proofs.ListAsync(debtor.Id, CancellationToken.None));
    }

    private IProofStore Proofs => teams.Host.Services.GetRequiredService<IProofStore>();

    private JsonObject Personal(string text)
    {
        var message = teams.Fixture("teams-message-personal-tenant.json");
        message["id"] = Guid.NewGuid().ToString("N");
        message["text"] = text;
        return message;
    }

    /// <summary>Posts a signed activity; returns the replies the bot sent to the connector for it (at least <paramref name="expect"/>).</summary>
    private async Task<IReadOnlyList<JsonNode>> SendAsync(JsonObject activity, int expect)
    {
        var before = teams.Sent.Count;
        using var response = await teams.PostAsync(activity);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var replies = teams.Sent.Skip(before).Select(r => r.Json!).ToList();
        Assert.True(replies.Count >= expect, $"Expected {expect} replies, got {replies.Count}: {string.Join(" | ", replies.Select(Text))}");
        return replies;
    }

    private static string Text(JsonNode activity) => (string?)activity["text"] ?? "";

    public async Task DisposeAsync() => await teams.DisposeAsync();
}
